package fr.proxima.coverage;

import java.util.List;

/**
 * The page and count queries of {@link ScenarioRepository}: any offset, not only page
 * multiples. Written here rather than as {@code @Query} methods: a declared query is
 * parsed twice (Spring Data's and Hibernate's HQL grammars) when the repositories are
 * made at start, which was most of their start-up time (issue 15); here it is parsed at
 * first use.
 */
interface ScenarioPages {

	List<Scenario> visible(boolean admin, long me, int limit, int offset);

	long countVisible(boolean admin, long me);

}
