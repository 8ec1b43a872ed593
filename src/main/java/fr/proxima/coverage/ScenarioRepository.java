package fr.proxima.coverage;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ScenarioRepository extends JpaRepository<Scenario, Long> {

	Optional<Scenario> findByName(String name);

}
