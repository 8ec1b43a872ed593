package fr.proxima.ogc;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The one place where the OGC API, the tiles and the exports build its absolute links
 * ({@code self}, {@code next}, {@code alternate}…). With {@code proxima.public-url} set,
 * links start with it; without it they are relative to the current request (Spring's
 * {@link ServletUriComponentsBuilder}, which reads the request's host).
 */
@Component
public class PublicLinks {

	private final String publicUrl;

	PublicLinks(@Value("${proxima.public-url:}") String publicUrl) {
		this.publicUrl = publicUrl == null ? "" : publicUrl.strip().replaceAll("/+$", "");
	}

	/** The absolute URL of a path of this server, e.g. {@code /ogc/collections}. */
	public String url(String path) {
		String base = publicUrl.isEmpty() ? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString()
				: publicUrl;
		return base + path;
	}

	public Map<String, Object> link(String path, String rel, String type, String title) {
		Map<String, Object> l = new LinkedHashMap<>();
		l.put("href", url(path));
		l.put("rel", rel);
		l.put("type", type);
		l.put("title", title);
		return l;
	}

}
