package fr.proxima.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a raw socket, so that a test can send what no HTTP client library would:
 * bad %-escapes, encoded slashes, oversized request lines and headers, unknown methods,
 * wrong media types. One request per connection ({@code Connection: close}); every read
 * is bounded by a socket timeout.
 */
public final class RawHttp {

	/** A parsed answer; {@code status} is 0 when the server closed without answering. */
	public record Answer(int status, Map<String, String> headers, String body) {

		public String header(String name) {
			return headers.get(name.toLowerCase(Locale.ROOT));
		}

		public boolean isProblem() {
			String type = header("content-type");
			return type != null && type.startsWith("application/problem+json") && body.contains("\"status\":" + status);
		}

	}

	private final int port;

	public RawHttp(int port) {
		this.port = port;
	}

	/** Sends a request head (lines without the final blank line) and a body. */
	public Answer send(String head, byte[] body) throws IOException {
		byte[] headBytes = (head + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			try {
				out.write(headBytes);
				out.write(body);
				out.flush();
			}
			catch (IOException e) {
				// the server answered and closed before reading the whole body: read what
				// it said
			}
			return parse(readAll(socket.getInputStream()));
		}
	}

	public Answer get(String target, String... headers) throws IOException {
		return send(head("GET", target, headers), new byte[0]);
	}

	/** A request head with {@code Host} and the given header lines. */
	public static String head(String method, String target, String... headers) {
		StringBuilder h = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\nHost: localhost");
		for (String header : headers) {
			h.append("\r\n").append(header);
		}
		return h.toString();
	}

	public Answer json(String method, String target, String contentType, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		return send(head(method, target, "Content-Type: " + contentType, "Content-Length: " + bytes.length), bytes);
	}

	private static byte[] readAll(InputStream in) throws IOException {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		try {
			for (int n; (n = in.read(buffer)) > 0;) {
				all.write(buffer, 0, n);
			}
		}
		catch (IOException e) {
			// a reset after the answer: keep what arrived
		}
		return all.toByteArray();
	}

	static Answer parse(byte[] raw) {
		String text = new String(raw, StandardCharsets.ISO_8859_1);
		int end = text.indexOf("\r\n\r\n");
		if (!text.startsWith("HTTP/1.1 ") || end < 0) {
			return new Answer(0, Map.of(), text);
		}
		String[] lines = text.substring(0, end).split("\r\n");
		int status = Integer.parseInt(lines[0].substring(9, 12));
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			// a repeated field is one list of values (RFC 9110, 5.3)
			headers.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
					lines[i].substring(colon + 1).trim(), (a, b) -> a + ", " + b);
		}
		// ISO-8859-1 keeps one char per byte, so chunk sizes can be counted in chars
		String body = text.substring(end + 4);
		if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
			body = unchunk(body);
		}
		return new Answer(status, headers,
				new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
	}

	private static String unchunk(String body) {
		StringBuilder out = new StringBuilder();
		int at = 0;
		while (at < body.length()) {
			int lineEnd = body.indexOf("\r\n", at);
			if (lineEnd < 0) {
				break;
			}
			int size = Integer.parseInt(body.substring(at, lineEnd).trim(), 16);
			if (size == 0) {
				break;
			}
			out.append(body, lineEnd + 2, Math.min(body.length(), lineEnd + 2 + size));
			at = lineEnd + 2 + size + 2;
		}
		return out.toString();
	}

}
