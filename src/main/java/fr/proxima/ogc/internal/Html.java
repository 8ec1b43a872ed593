package fr.proxima.ogc.internal;

import java.util.List;
import java.util.Map;

import fr.proxima.shared.Feature;
import org.springframework.web.util.HtmlUtils;

/**
 * The HTML encoding of the OGC API (conformance class {@code html}): the same documents
 * as the JSON ones, as plain accessible pages (headings, lists, tables, real links) for
 * people who open {@code /ogc} in a browser. Labels in French, as the public pages.
 */
public final class Html {

	private Html() {
	}

	@SuppressWarnings("unchecked")
	public static String page(String title, Map<String, Object> doc) {
		StringBuilder b = new StringBuilder();
		b.append("<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\">")
			.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
			.append(esc(title))
			.append(" — Proxima OGC API</title><style>body{font-family:sans-serif;max-width:70rem;margin:1rem auto;")
			.append("padding:0 1rem}table{border-collapse:collapse}td,th{border:1px solid #999;padding:.2rem .4rem;")
			.append("text-align:left;vertical-align:top}</style></head><body><main><h1>")
			.append(esc(title))
			.append("</h1>");
		text(b, doc.get("description"));
		if (doc.get("numberMatched") != null) {
			b.append("<p>")
				.append(doc.get("numberReturned"))
				.append(" objets sur ")
				.append(doc.get("numberMatched"))
				.append(" (")
				.append(esc(String.valueOf(doc.get("timeStamp"))))
				.append(")</p>");
		}
		if (doc.get("conformsTo") instanceof List<?> uris) {
			b.append("<h2>Classes de conformité</h2><ul>");
			uris.forEach(u -> b.append("<li>").append(esc(String.valueOf(u))).append("</li>"));
			b.append("</ul>");
		}
		if (doc.get("collections") instanceof List<?> cs) {
			b.append("<h2>Collections</h2><ul>");
			for (Object c : cs) {
				Map<String, Object> m = (Map<String, Object>) c;
				b.append("<li><a href=\"/ogc/collections/")
					.append(esc(String.valueOf(m.get("id"))))
					.append("?f=html\">")
					.append(esc(String.valueOf(m.get("title"))))
					.append("</a> — ")
					.append(esc(String.valueOf(m.get("description"))))
					.append("</li>");
			}
			b.append("</ul>");
		}
		if (doc.get("features") instanceof List<?> fs && !fs.isEmpty()) {
			table(b, (List<Feature>) fs);
		}
		if (doc.get("properties") instanceof Map<?, ?> props) {
			b.append("<h2>Propriétés</h2><dl>");
			props.forEach((k, v) -> b.append("<dt>")
				.append(esc(String.valueOf(k)))
				.append("</dt><dd>")
				.append(esc(String.valueOf(v)))
				.append("</dd>"));
			b.append("</dl>");
		}
		if (doc.get("links") instanceof List<?> links) {
			b.append("<h2>Liens</h2><ul>");
			for (Object l : links) {
				Map<String, Object> m = (Map<String, Object>) l;
				b.append("<li><a href=\"")
					.append(esc(String.valueOf(m.get("href"))))
					.append("\">")
					.append(esc(String.valueOf(m.get("title"))))
					.append("</a> (")
					.append(esc(String.valueOf(m.get("rel"))))
					.append(", ")
					.append(esc(String.valueOf(m.get("type"))))
					.append(")</li>");
			}
			b.append("</ul>");
		}
		return b.append("</main></body></html>").toString();
	}

	private static void table(StringBuilder b, List<Feature> features) {
		List<String> names = List.copyOf(features.get(0).properties().keySet());
		b.append("<table><caption>Objets</caption><thead><tr>");
		names.forEach(n -> b.append("<th scope=\"col\">").append(esc(n)).append("</th>"));
		b.append("</tr></thead><tbody>");
		for (Feature f : features) {
			b.append("<tr>");
			for (String n : names) {
				Object v = f.properties().get(n);
				b.append("<td>").append(v == null ? "" : esc(String.valueOf(v))).append("</td>");
			}
			b.append("</tr>");
		}
		b.append("</tbody></table>");
	}

	private static void text(StringBuilder b, Object text) {
		if (text != null) {
			b.append("<p>").append(esc(String.valueOf(text))).append("</p>");
		}
	}

	private static String esc(String s) {
		return HtmlUtils.htmlEscape(s);
	}

}
