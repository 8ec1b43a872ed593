package fr.proxima.coverage;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ScenarioRepository extends JpaRepository<Scenario, Long>, ScenarioPages {

	Optional<Scenario> findByName(String name);

	long countByOwnerId(long ownerId);

	String VISIBLE = " FROM Scenario s WHERE :admin = TRUE OR s.ownerId IS NULL OR s.ownerId = :me"
			+ " OR s.visibility = fr.proxima.coverage.ScenarioVisibility.PLANNERS"
			+ " OR (s.visibility = fr.proxima.coverage.ScenarioVisibility.SHARED AND :me MEMBER OF s.sharedWith)";

}
