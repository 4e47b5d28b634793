/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.cli;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What people read: the documents of the built-in service {@code mesh} as aligned
 * columns. Every cell is read leniently (a field a node leaves out shows as {@code -}),
 * so a node of a later version with more or fewer fields still prints, and every cell is
 * cleaned of control characters: node ids and service names come from other processes,
 * and must not move the cursor or recolour the terminal.
 *
 * @author LiteMesh team
 */
final class Tables {

	private static final String NONE = "-";

	private static final int MAX_SHOWN = 200;

	private Tables() {
	}

	/**
	 * Render {@code mesh.snapshot}'s nodes: id, status, hops and services.
	 * @param snapshot the document of {@code GET /actuator/mesh}
	 * @return the table
	 */
	static String nodes(JsonNode snapshot) {
		List<List<String>> rows = new ArrayList<>();
		for (JsonNode node : snapshot.path("nodes")) {
			JsonNode hops = node.path("hops");
			String hopsText = (hops.isNumber() && hops.asInt() < 0) ? "unreachable" : cell(hops);
			rows.add(List.of(cell(node.path("id")), cell(node.path("status")), hopsText, cell(node.path("services"))));
		}
		return table(List.of("NODE", "STATUS", "HOPS", "SERVICES"), rows);
	}

	/**
	 * Render {@code mesh.snapshot}'s services and the nodes that offer them.
	 * @param snapshot the document of {@code GET /actuator/mesh}
	 * @return the table
	 */
	static String services(JsonNode snapshot) {
		List<List<String>> rows = new ArrayList<>();
		for (JsonNode service : snapshot.path("services")) {
			rows.add(List.of(cell(service.path("name")), cell(service.path("nodes"))));
		}
		return table(List.of("SERVICE", "NODES"), rows);
	}

	/**
	 * Lay rows out in columns two spaces apart; the last column is not padded.
	 * @param headings the column headings
	 * @param rows the rows, each as wide as the headings
	 * @return the lines, each ending with a line break
	 */
	static String table(List<String> headings, List<List<String>> rows) {
		int[] widths = new int[headings.size()];
		List<List<String>> lines = new ArrayList<>();
		lines.add(headings);
		lines.addAll(rows);
		for (List<String> line : lines) {
			for (int i = 0; i < widths.length; i++) {
				widths[i] = Math.max(widths[i], line.get(i).length());
			}
		}
		StringBuilder text = new StringBuilder();
		for (List<String> line : lines) {
			StringBuilder row = new StringBuilder();
			for (int i = 0; i < widths.length; i++) {
				row.append(line.get(i));
				if (i < widths.length - 1) {
					row.append(" ".repeat(widths[i] - line.get(i).length() + 2));
				}
			}
			text.append(row.toString().stripTrailing()).append(System.lineSeparator());
		}
		return text.toString();
	}

	/**
	 * Render one value: text as it is, a list joined by commas, an object as
	 * {@code key=value} pairs, nothing as {@code -}.
	 */
	private static String cell(@Nullable JsonNode value) {
		if (value == null || value.isMissingNode() || value.isNull()) {
			return NONE;
		}
		if (value.isArray()) {
			List<String> items = new ArrayList<>();
			value.forEach((item) -> items.add(item.isValueNode() ? item.asString() : Json.compact(item)));
			return items.isEmpty() ? NONE : clean(shorten(String.join(", ", items)));
		}
		if (value.isObject()) {
			List<String> pairs = new ArrayList<>();
			value.properties()
				.forEach((pair) -> pairs.add(pair.getKey() + "=" + (pair.getValue().isValueNode()
						? pair.getValue().asString() : Json.compact(pair.getValue()))));
			return pairs.isEmpty() ? NONE : clean(shorten(String.join(", ", pairs)));
		}
		String text = value.asString();
		return text.isEmpty() ? NONE : clean(shorten(text));
	}

	/**
	 * Replace control characters, so text from elsewhere stays on its line and cannot
	 * drive the terminal.
	 * @param text the text
	 * @return the text with each control character replaced by a space (line breaks and
	 * tabs) or {@code ?}
	 */
	static String clean(@Nullable String text) {
		if (text == null) {
			return "";
		}
		StringBuilder cleaned = new StringBuilder(text.length());
		text.codePoints().forEach((c) -> {
			if (c == '\n' || c == '\r' || c == '\t') {
				cleaned.append(' ');
			}
			else if (Character.isISOControl(c)) {
				cleaned.append('?');
			}
			else {
				cleaned.appendCodePoint(c);
			}
		});
		return cleaned.toString();
	}

	/**
	 * Cut long text, so one cell or message cannot flood the screen.
	 * @param text the text
	 * @return at most a couple of hundred characters
	 */
	static String shorten(@Nullable String text) {
		if (text == null) {
			return "";
		}
		return (text.length() <= MAX_SHOWN) ? text : text.substring(0, MAX_SHOWN) + "...";
	}

}
