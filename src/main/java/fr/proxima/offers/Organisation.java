package fr.proxima.offers;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The legal entity behind offers (HSDS organization; FINESS EJ). */
@Entity
@Table(name = "organisation")
public class Organisation {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "finess_ej")
	private String finessEj;

	private String siren;

	private String name;

	private String type;

	public Long getId() {
		return id;
	}

	public String getFinessEj() {
		return finessEj;
	}

	public void setFinessEj(String finessEj) {
		this.finessEj = finessEj;
	}

	public String getSiren() {
		return siren;
	}

	public void setSiren(String siren) {
		this.siren = siren;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getType() {
		return type;
	}

	public void setType(String type) {
		this.type = type;
	}

}
