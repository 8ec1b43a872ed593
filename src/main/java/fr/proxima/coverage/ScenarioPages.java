package fr.proxima.coverage;

import java.util.List;

/** The page query of {@link ScenarioRepository}: any offset, not only page multiples. */
interface ScenarioPages {

	List<Scenario> visible(boolean admin, long me, int limit, int offset);

}
