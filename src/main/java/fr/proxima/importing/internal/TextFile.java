package fr.proxima.importing.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A text file read whole, in UTF-8 when its bytes are valid UTF-8 and in ISO-8859-1
 * otherwise (official French files have used both). A UTF-8 byte order mark is dropped.
 */
public record TextFile(Path path, Charset charset, List<String> lines) {

	public static TextFile read(Path path) {
		byte[] bytes;
		try {
			bytes = Files.readAllBytes(path);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read " + path, e);
		}
		Charset charset = isUtf8(bytes) ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
		String text = new String(bytes, charset);
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		return new TextFile(path, charset, splitLines(text));
	}

	/**
	 * The first line of a file, read with the same encoding rule; "" for an empty file.
	 */
	public static String firstLine(Path path) {
		try (var in = Files.newInputStream(path)) {
			byte[] head = in.readNBytes(64 * 1024);
			int end = 0;
			while (end < head.length && head[end] != '\n' && head[end] != '\r') {
				end++;
			}
			byte[] line = java.util.Arrays.copyOf(head, end);
			String text = new String(line, isUtf8(line) ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
			return text.startsWith("\uFEFF") ? text.substring(1) : text;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read " + path, e);
		}
	}

	public String name() {
		return path.getFileName().toString();
	}

	static boolean isUtf8(byte[] bytes) {
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes));
			return true;
		}
		catch (CharacterCodingException e) {
			return false;
		}
	}

	private static List<String> splitLines(String text) {
		List<String> lines = new ArrayList<>();
		int start = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\n' || c == '\r') {
				lines.add(text.substring(start, i));
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				start = i + 1;
			}
		}
		if (start < text.length()) {
			lines.add(text.substring(start));
		}
		return lines;
	}

}
