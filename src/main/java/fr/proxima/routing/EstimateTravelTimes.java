package fr.proxima.routing;

import java.util.ArrayList;
import java.util.List;

import fr.proxima.shared.Geo;
import org.locationtech.jts.geom.Point;
import org.springframework.stereotype.Component;

/** Travel times from the documented estimate alone (see {@link EstimateSettings}); used when no road graph is loaded. */
@Component
public class EstimateTravelTimes implements TravelTimes {

	private final EstimateSettings settings;

	public EstimateTravelTimes(EstimateSettings settings) {
		this.settings = settings;
	}

	public Leg leg(Point from, Point to) {
		return settings.estimate(Geo.haversineMetres(from, to));
	}

	@Override
	public List<Leg> oneToMany(Point source, List<Point> targets, double cutoffSeconds, boolean toSource) {
		List<Leg> legs = new ArrayList<>(targets.size());
		for (Point target : targets) {
			Leg leg = leg(source, target);
			legs.add(leg.seconds() <= cutoffSeconds ? leg : Leg.unreachable(TravelMethod.ESTIMATE));
		}
		return legs;
	}

	@Override
	public TravelMethod method() {
		return TravelMethod.ESTIMATE;
	}

}
