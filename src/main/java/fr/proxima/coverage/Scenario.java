package fr.proxima.coverage;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.BatchSize;

/** A named what-if: hypothetical offers added to the map and existing offers closed. */
@Entity
@Table(name = "scenario")
class Scenario {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	private String description;

	@Column(name = "created_at")
	private OffsetDateTime createdAt;

	@Column(name = "updated_at")
	private OffsetDateTime updatedAt;

	@Column(name = "owner_id")
	private Long ownerId;

	@Enumerated(EnumType.STRING)
	private ScenarioVisibility visibility = ScenarioVisibility.PRIVATE;

	// each collection is read by its own query, batched over a page of scenarios: never a
	// join of sites x closures x shares
	@ElementCollection(fetch = FetchType.LAZY)
	@BatchSize(size = 500)
	@CollectionTable(name = "scenario_site", joinColumns = @JoinColumn(name = "scenario_id"))
	@OrderColumn(name = "position")
	private List<ScenarioSite> sites = new ArrayList<>();

	@ElementCollection(fetch = FetchType.LAZY)
	@BatchSize(size = 500)
	@CollectionTable(name = "scenario_closure", joinColumns = @JoinColumn(name = "scenario_id"))
	@Column(name = "offer_id")
	private Set<Long> closures = new LinkedHashSet<>();

	@ElementCollection(fetch = FetchType.LAZY)
	@BatchSize(size = 500)
	@CollectionTable(name = "scenario_share", joinColumns = @JoinColumn(name = "scenario_id"))
	@Column(name = "user_id")
	private Set<Long> sharedWith = new LinkedHashSet<>();

	Long getOwnerId() {
		return ownerId;
	}

	void setOwnerId(Long ownerId) {
		this.ownerId = ownerId;
	}

	ScenarioVisibility getVisibility() {
		return visibility;
	}

	void setVisibility(ScenarioVisibility visibility) {
		this.visibility = visibility;
	}

	Set<Long> getSharedWith() {
		return sharedWith;
	}

	Long getId() {
		return id;
	}

	String getName() {
		return name;
	}

	void setName(String name) {
		this.name = name;
	}

	String getDescription() {
		return description;
	}

	void setDescription(String description) {
		this.description = description;
	}

	OffsetDateTime getCreatedAt() {
		return createdAt;
	}

	void setCreatedAt(OffsetDateTime createdAt) {
		this.createdAt = createdAt;
	}

	OffsetDateTime getUpdatedAt() {
		return updatedAt;
	}

	void setUpdatedAt(OffsetDateTime updatedAt) {
		this.updatedAt = updatedAt;
	}

	List<ScenarioSite> getSites() {
		return sites;
	}

	Set<Long> getClosures() {
		return closures;
	}

}
