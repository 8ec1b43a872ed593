package fr.proxima.territory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Census population of one commune: total, aged 75+ and aged 85+ (null when the source
 * lacks the band).
 */
@Entity
@Table(name = "population")
public class Population {

	@Id
	@Column(name = "commune_code")
	private String communeCode;

	@Column(name = "census_year")
	private int censusYear;

	private int total;

	@Column(name = "aged_75_plus")
	private Integer aged75Plus;

	@Column(name = "aged_85_plus")
	private Integer aged85Plus;

	protected Population() {
	}

	public Population(String communeCode, int censusYear, int total, Integer aged75Plus, Integer aged85Plus) {
		this.communeCode = communeCode;
		this.censusYear = censusYear;
		this.total = total;
		this.aged75Plus = aged75Plus;
		this.aged85Plus = aged85Plus;
	}

	public String getCommuneCode() {
		return communeCode;
	}

	public int getCensusYear() {
		return censusYear;
	}

	public int getTotal() {
		return total;
	}

	public Integer getAged75Plus() {
		return aged75Plus;
	}

	public Integer getAged85Plus() {
		return aged85Plus;
	}

}
