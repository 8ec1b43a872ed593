package fr.proxima.offers;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;

/**
 * A service or a housing option (HSDS service + location). FINESS establishments carry
 * their ET number; offers from other sources carry a {@code sourceRef} ("source:id") as
 * their natural key instead.
 */
@Entity
@Table(name = "offer")
public class Offer {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "finess_et")
	private String finessEt;

	@Column(name = "source_ref")
	private String sourceRef;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "organisation_id")
	private Organisation organisation;

	private String name;

	@Column(name = "category_code")
	private String categoryCode;

	@Column(name = "category_label")
	private String categoryLabel;

	private Family family;

	private Audience audience;

	private Integer capacity;

	private String address;

	@Column(name = "postal_code")
	private String postalCode;

	private String city;

	@Column(name = "commune_code")
	private String communeCode;

	private String phone;

	private String email;

	private String website;

	private Point geom;

	@Column(name = "zone_geom")
	private MultiPolygon zoneGeom;

	@ElementCollection
	@CollectionTable(name = "offer_zone_commune", joinColumns = @JoinColumn(name = "offer_id"))
	@Column(name = "commune_code")
	private Set<String> zoneCommunes = new LinkedHashSet<>();

	@Column(name = "source_name")
	private String sourceName;

	@Column(name = "source_date")
	private LocalDate sourceDate;

	@Column(name = "imported_at")
	private OffsetDateTime importedAt;

	@Column(name = "verified_at")
	private OffsetDateTime verifiedAt;

	public Long getId() {
		return id;
	}

	public String getFinessEt() {
		return finessEt;
	}

	public void setFinessEt(String finessEt) {
		this.finessEt = finessEt;
	}

	public String getSourceRef() {
		return sourceRef;
	}

	public void setSourceRef(String sourceRef) {
		this.sourceRef = sourceRef;
	}

	public Organisation getOrganisation() {
		return organisation;
	}

	public void setOrganisation(Organisation organisation) {
		this.organisation = organisation;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getCategoryCode() {
		return categoryCode;
	}

	public void setCategoryCode(String categoryCode) {
		this.categoryCode = categoryCode;
	}

	public String getCategoryLabel() {
		return categoryLabel;
	}

	public void setCategoryLabel(String categoryLabel) {
		this.categoryLabel = categoryLabel;
	}

	public Family getFamily() {
		return family;
	}

	public void setFamily(Family family) {
		this.family = family;
	}

	public Audience getAudience() {
		return audience;
	}

	public void setAudience(Audience audience) {
		this.audience = audience;
	}

	public Integer getCapacity() {
		return capacity;
	}

	public void setCapacity(Integer capacity) {
		this.capacity = capacity;
	}

	public String getAddress() {
		return address;
	}

	public void setAddress(String address) {
		this.address = address;
	}

	public String getPostalCode() {
		return postalCode;
	}

	public void setPostalCode(String postalCode) {
		this.postalCode = postalCode;
	}

	public String getCity() {
		return city;
	}

	public void setCity(String city) {
		this.city = city;
	}

	public String getCommuneCode() {
		return communeCode;
	}

	public void setCommuneCode(String communeCode) {
		this.communeCode = communeCode;
	}

	public String getPhone() {
		return phone;
	}

	public void setPhone(String phone) {
		this.phone = phone;
	}

	public String getEmail() {
		return email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public String getWebsite() {
		return website;
	}

	public void setWebsite(String website) {
		this.website = website;
	}

	public Point getGeom() {
		return geom;
	}

	public void setGeom(Point geom) {
		this.geom = geom;
	}

	public MultiPolygon getZoneGeom() {
		return zoneGeom;
	}

	public void setZoneGeom(MultiPolygon zoneGeom) {
		this.zoneGeom = zoneGeom;
	}

	public Set<String> getZoneCommunes() {
		return zoneCommunes;
	}

	public String getSourceName() {
		return sourceName;
	}

	public void setSourceName(String sourceName) {
		this.sourceName = sourceName;
	}

	public LocalDate getSourceDate() {
		return sourceDate;
	}

	public void setSourceDate(LocalDate sourceDate) {
		this.sourceDate = sourceDate;
	}

	public OffsetDateTime getImportedAt() {
		return importedAt;
	}

	public void setImportedAt(OffsetDateTime importedAt) {
		this.importedAt = importedAt;
	}

	public OffsetDateTime getVerifiedAt() {
		return verifiedAt;
	}

	public void setVerifiedAt(OffsetDateTime verifiedAt) {
		this.verifiedAt = verifiedAt;
	}

}
