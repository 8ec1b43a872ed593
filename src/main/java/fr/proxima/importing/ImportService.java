package fr.proxima.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import fr.proxima.importing.internal.CommuneImporter;
import fr.proxima.importing.internal.Crosswalk;
import fr.proxima.importing.internal.DepartementImporter;
import fr.proxima.importing.internal.EhpadCapacityImporter;
import fr.proxima.importing.internal.FinessImporter;
import fr.proxima.importing.internal.LayoutSniffer;
import fr.proxima.importing.internal.OfferImporter;
import fr.proxima.importing.internal.PopulationImporter;
import fr.proxima.offers.RegisterClaims;
import fr.proxima.shared.InvalidInputException;
import fr.proxima.shared.OffersChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs imports, each all-or-nothing in one transaction: any line error, or any failure
 * while writing, rolls the whole import back and the report says so. Re-importing the
 * same files updates rows in place (natural keys: département and commune codes, FINESS
 * ET and EJ numbers, {@code source_ref}).
 */
@Service
public class ImportService {

	private static final Logger log = LoggerFactory.getLogger(ImportService.class);

	/** Order of a folder import: each kind may depend on those before it. */
	private static final List<ImportKind> ORDER = List.of(ImportKind.DEPARTEMENTS, ImportKind.COMMUNES,
			ImportKind.POPULATION, ImportKind.FINESS, ImportKind.EHPAD_CAPACITY, ImportKind.OFFERS);

	/**
	 * Options of a single import: a COG crosswalk for commune boundaries and the COG year
	 * of codes read as is.
	 */
	public record Options(Path crosswalk, Integer cogYear) {

		public static final Options NONE = new Options(null, null);

	}

	private record Step(ImportKind kind, List<Path> files, Path crosswalk) {
	}

	private final TransactionTemplate transaction;

	private final ImportSettings settings;

	private final DepartementImporter departements;

	private final CommuneImporter communes;

	private final PopulationImporter population;

	private final FinessImporter finess;

	private final EhpadCapacityImporter ehpad;

	private final OfferImporter offers;

	private final ApplicationEventPublisher events;

	private final RegisterClaims claims;

	/**
	 * Imports run one at a time: a second one would wait on the first one's row locks,
	 * then fail.
	 */
	final ReentrantLock oneAtATime = new ReentrantLock();

	ImportService(PlatformTransactionManager transactions, ApplicationEventPublisher events, ImportSettings settings,
			DepartementImporter departements, CommuneImporter communes, PopulationImporter population,
			FinessImporter finess, EhpadCapacityImporter ehpad, OfferImporter offers, RegisterClaims claims) {
		this.claims = claims;
		this.transaction = new TransactionTemplate(transactions);
		this.settings = settings;
		this.departements = departements;
		this.communes = communes;
		this.population = population;
		this.finess = finess;
		this.ehpad = ehpad;
		this.offers = offers;
		this.events = events;
	}

	/**
	 * Imports files of one kind; a file that does not exist is a usage error
	 * (IllegalArgumentException).
	 */
	public ImportReport importFiles(ImportKind kind, List<Path> files, Options options) {
		long start = System.currentTimeMillis();
		Stream.concat(files.stream(), Stream.ofNullable(options.crosswalk()))
			.filter(f -> !Files.isRegularFile(f))
			.findFirst()
			.ifPresent(f -> {
				throw new IllegalArgumentException("file not found: " + f);
			});
		ImportReport report = new ImportReport(kind.code());
		log.info("Importing {} from {}", kind.code(), files);
		int cogYear = options.cogYear() != null ? options.cogYear() : settings.cogYear();
		runInOneTransaction(List.of(report), List.of(() -> run(kind, files, options.crosswalk(), cogYear, report)));
		report.finished(System.currentTimeMillis() - start);
		return report;
	}

	/**
	 * Imports every file of a folder tree that has a known layout, in dependency order
	 * (départements, communes, population, FINESS, EHPAD capacities, Proxima offers), in
	 * one transaction. A crosswalk found in the folder is applied to boundary files of
	 * its source vintage (their name carries the source year, e.g. {@code _2018}).
	 */
	public DirectoryImportReport importDirectory(Path folder) {
		long start = System.currentTimeMillis();
		if (!Files.isDirectory(folder)) {
			throw new IllegalArgumentException("Not a folder: " + folder);
		}
		log.info("Importing the data folder {}", folder.toAbsolutePath());
		Map<ImportKind, List<Path>> byKind = new EnumMap<>(ImportKind.class);
		List<Path> crosswalks = new ArrayList<>();
		List<DirectoryImportReport.IgnoredFile> ignored = new ArrayList<>();
		for (Path file : filesUnder(folder)) {
			LayoutSniffer.Layout layout = LayoutSniffer.sniff(file);
			if (layout.crosswalk()) {
				crosswalks.add(file);
			}
			else if (layout.kind() != null) {
				byKind.computeIfAbsent(layout.kind(), k -> new ArrayList<>()).add(file);
			}
			else {
				ignored.add(new DirectoryImportReport.IgnoredFile(folder.relativize(file).toString(),
						layout.ignoredBecause()));
			}
		}
		ignored.stream().limit(ImportReport.MAX_LOGGED).forEach(i -> log.info("Ignored {}: {}", i.file(), i.reason()));
		if (ignored.size() > ImportReport.MAX_LOGGED) {
			log.info("… and {} more file(s) ignored, listed in the report", ignored.size() - ImportReport.MAX_LOGGED);
		}
		List<Step> steps = new ArrayList<>();
		for (ImportKind kind : ORDER) {
			List<Path> files = byKind.getOrDefault(kind, List.of());
			if (kind == ImportKind.COMMUNES && !crosswalks.isEmpty()) {
				for (Path cw : crosswalks) {
					List<Path> old = files.stream().filter(f -> appliesTo(cw, f)).toList();
					if (!old.isEmpty()) {
						steps.add(new Step(kind, old, cw));
					}
					files = files.stream().filter(f -> !old.contains(f)).toList();
				}
			}
			if (!files.isEmpty()) {
				steps.add(new Step(kind, files, null));
			}
		}
		if (steps.isEmpty()) {
			DirectoryImportReport nothing = DirectoryImportReport.nothingToImport(folder, ignored,
					System.currentTimeMillis() - start);
			log.error("Data folder import FAILED: {}", nothing.error());
			return nothing;
		}
		List<ImportReport> reports = steps.stream().map(s -> new ImportReport(s.kind().code())).toList();
		List<Runnable> work = new ArrayList<>();
		for (int i = 0; i < steps.size(); i++) {
			Step step = steps.get(i);
			ImportReport report = reports.get(i);
			work.add(() -> {
				long t = System.currentTimeMillis();
				log.info("Importing {} from {} file(s){}", step.kind().code(), step.files().size(),
						step.crosswalk() == null ? "" : " through the crosswalk " + step.crosswalk().getFileName());
				run(step.kind(), step.files(), step.crosswalk(), settings.cogYear(), report);
				report.finished(System.currentTimeMillis() - t);
			});
		}
		boolean ok = runInOneTransaction(reports, work);
		long millis = System.currentTimeMillis() - start;
		log.info("Data folder import {} in {} ms ({} step(s), {} file(s) ignored)", ok ? "done" : "FAILED, rolled back",
				millis, steps.size(), ignored.size());
		return new DirectoryImportReport(folder.toString(),
				ok ? ImportReport.Status.SUCCEEDED : ImportReport.Status.FAILED, null, reports, ignored, millis);
	}

	private static boolean appliesTo(Path crosswalkFile, Path boundaryFile) {
		Crosswalk cw = Crosswalk.read(crosswalkFile, new ImportReport("crosswalk"));
		return cw != null && cw.appliesTo(boundaryFile);
	}

	private void run(ImportKind kind, List<Path> files, Path crosswalk, int cogYear, ImportReport report) {
		// issue 11: organisations' own values survive re-imports; what changed under them
		// is
		// listed
		boolean writesOffers = kind == ImportKind.FINESS || kind == ImportKind.EHPAD_CAPACITY
				|| kind == ImportKind.OFFERS;
		RegisterClaims.Before before = writesOffers ? claims.before() : null;
		importKind(kind, files, crosswalk, cogYear, report);
		if (before != null && !report.failed()) {
			report.conflicts(claims.after(before, kind.code() + " import"));
		}
	}

	private void importKind(ImportKind kind, List<Path> files, Path crosswalk, int cogYear, ImportReport report) {
		switch (kind) {
			case DEPARTEMENTS -> departements.run(files, report);
			case COMMUNES -> {
				Crosswalk cw = crosswalk == null ? null : Crosswalk.read(crosswalk, report);
				if (!report.failed()) {
					communes.run(files, cw, cogYear, report);
				}
			}
			case POPULATION -> population.run(files, report);
			case FINESS -> finess.run(files, report);
			case EHPAD_CAPACITY -> ehpad.run(files, report);
			case OFFERS -> offers.run(files, report);
		}
	}

	/**
	 * Runs the work in one transaction, stopping at the first report that failed; rolls
	 * everything back then, or when anything throws. Returns whether it committed.
	 */
	private boolean runInOneTransaction(List<ImportReport> reports, List<Runnable> work) {
		if (!oneAtATime.tryLock()) {
			throw new InvalidInputException(HttpStatus.CONFLICT,
					"Another import is running: try again when it is over (its progress is in the log)");
		}
		try {
			return runLocked(reports, work);
		}
		finally {
			oneAtATime.unlock();
		}
	}

	private boolean runLocked(List<ImportReport> reports, List<Runnable> work) {
		int[] running = { 0 };
		try {
			Boolean committed = transaction.execute(status -> {
				for (; running[0] < work.size(); running[0]++) {
					work.get(running[0]).run();
					if (reports.get(running[0]).failed()) {
						status.setRollbackOnly();
						return false;
					}
				}
				return true;
			});
			if (Boolean.TRUE.equals(committed)) {
				events.publishEvent(new OffersChanged(
						reports.stream().map(ImportReport::getKind).collect(Collectors.joining(", ")) + " import"));
				return true;
			}
		}
		catch (RuntimeException e) {
			log.error("Import failed with an exception; rolled back", e);
			reports.get(Math.min(running[0], reports.size() - 1))
				.error(null, null, null, "import aborted: " + rootMessage(e));
		}
		String failedStep = reports.stream()
			.filter(ImportReport::failed)
			.map(ImportReport::getKind)
			.findFirst()
			.orElse("?");
		reports.forEach(r -> r.rolledBack(failedStep));
		return false;
	}

	private static String rootMessage(Throwable e) {
		Throwable root = e;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
	}

	private static List<Path> filesUnder(Path folder) {
		try (Stream<Path> walk = Files.walk(folder)) {
			return walk.filter(Files::isRegularFile).sorted().toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot list " + folder, e);
		}
	}

}
