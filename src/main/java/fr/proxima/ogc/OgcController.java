package fr.proxima.ogc;

import java.util.List;
import java.util.Map;

import fr.proxima.ogc.internal.Documents;
import fr.proxima.ogc.internal.Html;
import fr.proxima.ogc.internal.Items;
import fr.proxima.ogc.internal.Media;
import fr.proxima.ogc.internal.OpenApiDocument;
import fr.proxima.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * OGC API – Features (Part 1 Core with GeoJSON, HTML and OpenAPI 3.0; Part 2 CRS by
 * reference) under {@code /ogc}. Each handler checks its parameters (400), finds the
 * collection (404), queries, then writes JSON or HTML ({@code f=html}, or a browser's
 * {@code Accept: text/html}). Described by its own OpenAPI document at {@code /ogc/api},
 * so it is hidden from the read API's {@code /v3/api-docs}.
 */
@RestController
@Hidden
class OgcController {

	private static final List<String> FORMATS = List.of("json", "html");

	private final Documents documents;

	private final Items items;

	private final OpenApiDocument openApi;

	OgcController(Documents documents, Items items, OpenApiDocument openApi) {
		this.documents = documents;
		this.items = items;
		this.openApi = openApi;
	}

	@GetMapping({ "/ogc", "/ogc/" })
	ResponseEntity<?> landing(HttpServletRequest request) {
		onlyFormat(request);
		return answer(request, "Proxima — OGC API Features", documents.landing(), Media.JSON);
	}

	@GetMapping("/ogc/conformance")
	ResponseEntity<?> conformance(HttpServletRequest request) {
		onlyFormat(request);
		return answer(request, "Conformité", documents.conformance(), Media.JSON);
	}

	@GetMapping("/ogc/api")
	ResponseEntity<?> api(HttpServletRequest request) {
		onlyFormat(request);
		Map<String, Object> doc = openApi.document();
		if (html(request)) {
			return answer(
					request, "Définition de l'API", Map.of("description",
							"La définition OpenAPI 3.0 de ce service est à /ogc/api (JSON).", "links", List.of()),
					Media.JSON);
		}
		return ResponseEntity.ok().contentType(MediaType.parseMediaType(Media.OPENAPI)).body(doc);
	}

	@GetMapping("/ogc/collections")
	ResponseEntity<?> collections(HttpServletRequest request) {
		onlyFormat(request);
		return answer(request, "Collections", documents.collections(), Media.JSON);
	}

	@GetMapping("/ogc/collections/{collectionId}")
	ResponseEntity<?> collection(@PathVariable String collectionId, HttpServletRequest request) {
		onlyFormat(request);
		Map<String, Object> doc = documents.collection(collectionId);
		return answer(request, String.valueOf(doc.get("title")), doc, Media.JSON);
	}

	@GetMapping("/ogc/collections/{collectionId}/items")
	ResponseEntity<?> items(@PathVariable String collectionId, HttpServletRequest request) {
		format(request);
		Items.Answer a = items.items(collectionId, request.getParameterMap());
		return answer(request, collectionId, a.body(), Media.GEOJSON, a.query().crs().uri());
	}

	@GetMapping("/ogc/collections/{collectionId}/items/{featureId}")
	ResponseEntity<?> item(@PathVariable String collectionId, @PathVariable String featureId,
			HttpServletRequest request) {
		format(request);
		Map<String, Object> body = items.item(collectionId, featureId, request.getParameterMap());
		String crs = fr.proxima.ogc.internal.Crs.fromUri("crs", request.getParameter("crs")).uri();
		return answer(request, collectionId + " " + featureId, body, Media.GEOJSON, crs);
	}

	private ResponseEntity<?> answer(HttpServletRequest request, String title, Map<String, Object> doc, String type) {
		return answer(request, title, doc, type, null);
	}

	private ResponseEntity<?> answer(HttpServletRequest request, String title, Map<String, Object> doc, String type,
			String contentCrs) {
		ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
		if (contentCrs != null) {
			ok.header("Content-Crs", "<" + contentCrs + ">");
		}
		ok.header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
		if (html(request)) {
			return ok.contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
				.body(Html.page(title, doc));
		}
		return ok.contentType(MediaType.parseMediaType(type)).body(doc);
	}

	/** Requests for a description accept only {@code f}. */
	private static void onlyFormat(HttpServletRequest request) {
		for (String name : request.getParameterMap().keySet()) {
			if (!name.equals("f")) {
				throw new InvalidInputException("Unknown parameter '" + name + "': this resource accepts only f");
			}
		}
		format(request);
	}

	private static String format(HttpServletRequest request) {
		String f = request.getParameter("f");
		if (f != null && !FORMATS.contains(f)) {
			throw new InvalidInputException("Unknown format f=" + f + ": json or html");
		}
		return f;
	}

	/**
	 * HTML when asked with {@code f=html}, or when {@code f} is absent and the client
	 * prefers text/html over JSON (a browser).
	 */
	private static boolean html(HttpServletRequest request) {
		String f = request.getParameter("f");
		if (f != null) {
			return f.equals("html");
		}
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		if (accept == null || !accept.contains("text/html")) {
			return false;
		}
		for (MediaType m : MediaType.parseMediaTypes(accept)) {
			if (m.isCompatibleWith(MediaType.TEXT_HTML) && !m.isWildcardType()) {
				return true;
			}
			if (m.getSubtype().contains("json")) {
				return false;
			}
		}
		return false;
	}

}
