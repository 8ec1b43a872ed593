package fr.proxima.ogc;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The one place where the OGC API, the tiles and the exports build their absolute links
 * ({@code self}, {@code next}, {@code alternate}…): the current request's scheme, host,
 * port and context path. {@code proxima.public-url} is read once, by the web edge's
 * {@code config.PublicUrl} filter, which makes every request carry its scheme, host and
 * port (or those of {@code http://localhost:<port>} when it is empty); so these links,
 * the API's {@code next} pages and the actuator's links all agree.
 */
@Component
public class PublicLinks {

	/** The absolute URL of a path of this server, e.g. {@code /ogc/collections}. */
	public String url(String path) {
		return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString() + path;
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
