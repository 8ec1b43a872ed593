package fr.proxima.tours.internal;

import java.util.ArrayList;
import java.util.List;

import fr.proxima.routing.Route;
import fr.proxima.routing.SnapStatus;
import fr.proxima.routing.TravelMethod;
import fr.proxima.routing.TravelTimeEngine;
import fr.proxima.shared.Geo;
import fr.proxima.tours.Tour;
import fr.proxima.tours.TourView;
import org.locationtech.jts.geom.Point;
import org.springframework.stereotype.Component;

/**
 * Computes a tour on the road network with the travel-time engine's routes, one per leg
 * (start → visits → end), then its schedule ({@link Timeline}).
 */
@Component
public class TourComputer {

	private final TravelTimeEngine engine;

	public TourComputer(TravelTimeEngine engine) {
		this.engine = engine;
	}

	/** The computed tour, its schedule and its method. */
	public record Computed(TourView view, Timeline.Schedule schedule) {
	}

	public Computed compute(Tour tour, boolean withGeometry) {
		List<Point> points = points(tour);
		List<Route> routes = new ArrayList<>(points.size() - 1);
		for (int i = 0; i + 1 < points.size(); i++) {
			routes.add(engine.route(points.get(i), points.get(i + 1), null, withGeometry));
		}
		Timeline.Schedule s = Timeline.run(tour.startMinute() * 60.0, stops(tour),
				routes.stream().map(Route::leg).toList());
		return new Computed(view(tour, s, routes), s);
	}

	public static List<Point> points(Tour tour) {
		List<Point> points = new ArrayList<>(tour.visits().size() + 2);
		points.add(Geo.point(tour.startLon(), tour.startLat()));
		tour.visits().forEach(v -> points.add(Geo.point(v.lon(), v.lat())));
		points.add(Geo.point(tour.endLon(), tour.endLat()));
		return points;
	}

	public static List<Timeline.Stop> stops(Tour tour) {
		return tour.visits()
			.stream()
			.map(v -> new Timeline.Stop(v.windowStart() * 60.0, v.windowEnd() * 60.0, v.durationMinutes() * 60.0))
			.toList();
	}

	private static TourView view(Tour tour, Timeline.Schedule s, List<Route> routes) {
		int n = tour.visits().size();
		List<TourView.VisitView> visits = new ArrayList<>(n);
		List<String> warnings = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			Tour.Visit v = tour.visits().get(i);
			Timeline.Timing t = s.visits().get(i);
			SnapStatus snap = routes.get(i).to().status();
			if (snap != SnapStatus.SNAPPED) {
				warnings.add("visit " + i + " is answered by the estimate (" + snap.code() + ")");
			}
			visits.add(new TourView.VisitView(i, v.lon(), v.lat(), v.communeCode(), Clock.text(v.windowStart()),
					Clock.text(v.windowEnd()), v.durationMinutes(), v.careType(), Clock.minutes(t.arrival()),
					Clock.minutes(t.start()), Clock.minutes(t.end()), Clock.text(t.arrival() / 60),
					Clock.text(t.start() / 60), Clock.text(t.end() / 60), Clock.round(t.waiting() / 60),
					Clock.round(t.late() / 60), snap, snap.method()));
		}
		List<TourView.LegView> legs = new ArrayList<>(routes.size());
		TravelMethod method = TravelMethod.NETWORK;
		for (int i = 0; i < routes.size(); i++) {
			Route r = routes.get(i);
			if (r.leg().method() == TravelMethod.ESTIMATE) {
				method = TravelMethod.ESTIMATE;
			}
			legs.add(new TourView.LegView(i, i == 0 ? "start" : String.valueOf(i - 1),
					i == n ? "end" : String.valueOf(i), Clock.round(r.leg().minutes()),
					Clock.round(r.leg().metres() / 1000), r.leg().method(), r.geometry()));
		}
		if (tour.visits().isEmpty() && routes.get(0).from().status() != SnapStatus.SNAPPED) {
			method = TravelMethod.ESTIMATE;
		}
		double working = (s.returnAt() - s.departure()) / 60;
		double drive = s.driveSeconds() / 60;
		double care = s.careSeconds() / 60;
		TourView.Totals totals = new TourView.Totals(Clock.round(drive), Clock.round(s.driveMetres() / 1000),
				Clock.round(care), Clock.round(s.waitSeconds() / 60), Clock.round(working),
				drive + care > 0 ? Math.round(1000 * drive / (drive + care)) / 1000.0 : 0,
				Clock.round(s.lateSeconds() / 60), s.lateVisits(), Clock.text(s.returnAt() / 60));
		return new TourView(tour.id() == null ? 0 : tour.id(), tour.organisationId(), tour.date(), tour.caregiver(),
				Clock.text(tour.startMinute()), new double[] { tour.startLon(), tour.startLat() },
				new double[] { tour.endLon(), tour.endLat() }, method, totals, visits, legs, warnings);
	}

}
