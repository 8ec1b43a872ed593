package fr.proxima.offers;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface OfferRepository extends JpaRepository<Offer, Long> {

	Optional<Offer> findByFinessEt(String finessEt);

}
