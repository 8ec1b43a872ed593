package fr.proxima.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import fr.proxima.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Admin import endpoints, behind the admin token like every {@code /api/admin/**}
 * endpoint. A failed import answers 422 with a problem detail listing the line errors;
 * nothing is written then.
 */
@RestController
@RequestMapping("/api/admin/imports")
class ImportController {

	private final ImportService imports;

	ImportController(ImportService imports) {
		this.imports = imports;
	}

	@Operation(summary = "Import uploaded files of one kind (multipart parts 'file', optional 'crosswalk')")
	@PostMapping(path = "/{kind}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<?> importFiles(@PathVariable String kind, @RequestParam("file") List<MultipartFile> files,
			@RequestParam(name = "crosswalk", required = false) MultipartFile crosswalk,
			@RequestParam(name = "cogYear", required = false) Integer cogYear) {
		ImportKind importKind = ImportKind.fromCode(kind);
		Path dir = createTempDir();
		try {
			List<Path> paths = new ArrayList<>();
			for (MultipartFile f : files) {
				paths.add(save(f, dir));
			}
			Path cw = crosswalk == null ? null : save(crosswalk, dir);
			ImportReport report = imports.importFiles(importKind, paths, new ImportService.Options(cw, cogYear));
			return report.failed() ? unprocessable("The import failed and was rolled back: nothing was written",
					report.getErrors(), report) : ResponseEntity.ok(report);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			delete(dir);
		}
	}

	@Operation(summary = "Import a folder on the server, recognising files by layout")
	@PostMapping("/folder")
	ResponseEntity<?> importFolder(@RequestParam String path) {
		Path folder = Path.of(path);
		if (!Files.isDirectory(folder)) {
			throw new InvalidInputException("Not a folder on the server: " + path);
		}
		DirectoryImportReport report = imports.importDirectory(folder);
		return report.status() == ImportReport.Status.FAILED
				? unprocessable(
						report.error() != null ? report.error()
								: "The folder import failed and was rolled back: nothing was written",
						report.steps().stream().flatMap(s -> s.getErrors().stream()).toList(), report)
				: ResponseEntity.ok(report);
	}

	private static ResponseEntity<ProblemDetail> unprocessable(String detail, List<ImportReport.LineError> errors,
			Object report) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, detail);
		problem.setTitle("Import failed");
		problem.setProperty("errors", errors);
		problem.setProperty("report", report);
		return ResponseEntity.unprocessableContent().body(problem);
	}

	/**
	 * Saves an upload in a folder of its own under its file name (directories stripped),
	 * which reports name.
	 */
	private static Path save(MultipartFile file, Path dir) throws IOException {
		Path target = Files.createTempDirectory(dir, "part").resolve(safeName(file.getOriginalFilename()));
		file.transferTo(target);
		return target;
	}

	/**
	 * The client's file name reduced to a safe last segment: no folder, no control
	 * character, not {@code .} or {@code ..}, at most 120 characters (its end, which
	 * holds the extension, kept); "upload" when nothing is left.
	 */
	static String safeName(String original) {
		String name = original == null ? "" : original.replaceAll("\\p{Cntrl}", "");
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
		if (name.length() > 120) {
			name = name.substring(name.length() - 120);
		}
		return name.isEmpty() || name.equals(".") || name.equals("..") ? "upload" : name;
	}

	private static Path createTempDir() {
		try {
			return Files.createTempDirectory("proxima-import-");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void delete(Path dir) {
		try (Stream<Path> walk = Files.walk(dir)) {
			walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (IOException e) {
			// a leftover temp folder is harmless
		}
	}

}
