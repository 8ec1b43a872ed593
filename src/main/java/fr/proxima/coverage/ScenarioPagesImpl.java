package fr.proxima.coverage;

import java.util.List;

import jakarta.persistence.EntityManager;

class ScenarioPagesImpl implements ScenarioPages {

	private final EntityManager em;

	ScenarioPagesImpl(EntityManager em) {
		this.em = em;
	}

	@Override
	public List<Scenario> visible(boolean admin, long me, int limit, int offset) {
		return em.createQuery("SELECT s" + ScenarioRepository.VISIBLE + " ORDER BY s.name, s.id", Scenario.class)
			.setParameter("admin", admin)
			.setParameter("me", me)
			.setFirstResult(offset)
			.setMaxResults(limit)
			.getResultList();
	}

	@Override
	public long countVisible(boolean admin, long me) {
		return em.createQuery("SELECT COUNT(s)" + ScenarioRepository.VISIBLE, Long.class)
			.setParameter("admin", admin)
			.setParameter("me", me)
			.getSingleResult();
	}

}
