package fr.proxima.coverage.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.proxima.shared.Geo;
import org.locationtech.jts.geom.Point;

/**
 * Every imported commune (neighbouring départements included) as parallel arrays indexed
 * by column: code, name, département, representative point and census figures. A missing
 * census figure is {@code -1}, never a guess.
 */
public final class Territory {

	private final String[] code;

	private final String[] name;

	private final String[] departement;

	private final Point[] point;

	private final int[] total;

	private final int[] aged75;

	private final int[] aged85;

	private final Map<String, Integer> index = new HashMap<>();

	public Territory(String[] code, String[] name, String[] departement, Point[] point, int[] total, int[] aged75,
			int[] aged85) {
		this.code = code;
		this.name = name;
		this.departement = departement;
		this.point = point;
		this.total = total;
		this.aged75 = aged75;
		this.aged85 = aged85;
		for (int i = 0; i < code.length; i++) {
			index.put(code[i], i);
		}
	}

	/** Builds from row-wise commune records (tests and benches). */
	public static Territory of(List<Commune> communes) {
		int n = communes.size();
		String[] code = new String[n];
		String[] name = new String[n];
		String[] dep = new String[n];
		Point[] point = new Point[n];
		int[] total = new int[n];
		int[] aged75 = new int[n];
		int[] aged85 = new int[n];
		for (int i = 0; i < n; i++) {
			Commune c = communes.get(i);
			code[i] = c.code();
			name[i] = c.name();
			dep[i] = c.departement();
			point[i] = Geo.point(c.lon(), c.lat());
			total[i] = c.total();
			aged75[i] = c.aged75();
			aged85[i] = c.aged85();
		}
		return new Territory(code, name, dep, point, total, aged75, aged85);
	}

	/** One commune as loaded; census figures are -1 when missing. */
	public record Commune(String code, String name, String departement, double lon, double lat, int total, int aged75,
			int aged85) {
	}

	/**
	 * Whether the other territory has the same communes in the same columns (census
	 * figures and points may differ), so that rows indexed by column stay valid.
	 */
	public boolean sameColumns(Territory other) {
		return other == this || Arrays.equals(code, other.code);
	}

	public int size() {
		return code.length;
	}

	/** Column of a commune code, or -1. */
	public int indexOf(String communeCode) {
		return index.getOrDefault(communeCode, -1);
	}

	public String code(int i) {
		return code[i];
	}

	public String name(int i) {
		return name[i];
	}

	public String departement(int i) {
		return departement[i];
	}

	public Point point(int i) {
		return point[i];
	}

	public int total(int i) {
		return total[i];
	}

	public int aged75(int i) {
		return aged75[i];
	}

	public int aged85(int i) {
		return aged85[i];
	}

}
