package fr.proxima.importing.internal;

import java.util.List;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Finds the commune containing a point, in memory, against the commune polygons already
 * in the store.
 */
final class CommuneLocator {

	private record Entry(String code, PreparedGeometry geom) {
	}

	private final STRtree index = new STRtree();

	CommuneLocator(JdbcTemplate jdbc) {
		WKBReader reader = new WKBReader();
		jdbc.query("SELECT code, ST_AsBinary(geom) FROM commune", rs -> {
			try {
				Geometry g = reader.read(rs.getBytes(2));
				index.insert(g.getEnvelopeInternal(), new Entry(rs.getString(1), PreparedGeometryFactory.prepare(g)));
			}
			catch (ParseException e) {
				throw new IllegalStateException("Unreadable polygon of commune " + rs.getString(1), e);
			}
		});
	}

	/**
	 * The code of the commune whose polygon covers the point; null when none does (or no
	 * communes are imported).
	 */
	String communeAt(Point p) {
		@SuppressWarnings("unchecked")
		List<Entry> candidates = index.query(p.getEnvelopeInternal());
		return candidates.stream().filter(e -> e.geom().covers(p)).map(Entry::code).sorted().findFirst().orElse(null);
	}

}
