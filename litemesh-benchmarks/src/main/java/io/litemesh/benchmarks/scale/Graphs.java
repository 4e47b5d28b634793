/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.benchmarks.scale;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.litemesh.view.LinkView;
import io.litemesh.view.MeshSnapshot;
import io.litemesh.view.NodeView;

/**
 * The shape of the graph a mesh built, from one node's snapshot: links per node and the
 * diameter (the most hops between two nodes, what a flood must cross).
 *
 * @author LiteMesh team
 */
final class Graphs {

	private Graphs() {
	}

	static Map<String, Object> describe(MeshSnapshot snapshot) {
		Map<String, Set<String>> neighbours = new HashMap<>();
		for (NodeView node : snapshot.nodes()) {
			neighbours.put(node.id(), new HashSet<>());
		}
		for (LinkView link : snapshot.links()) {
			neighbours.computeIfAbsent(link.from(), (id) -> new HashSet<>()).add(link.to());
			neighbours.computeIfAbsent(link.to(), (id) -> new HashSet<>()).add(link.from());
		}
		List<Integer> degrees = new ArrayList<>();
		long directedLinks = 0;
		for (Set<String> set : neighbours.values()) {
			degrees.add(set.size());
			directedLinks += set.size();
		}
		Collections.sort(degrees);
		int diameter = 0;
		long hopSum = 0;
		long pairs = 0;
		for (String from : neighbours.keySet()) {
			Map<String, Integer> hops = hops(neighbours, from);
			for (int h : hops.values()) {
				diameter = Math.max(diameter, h);
				hopSum += h;
			}
			pairs += hops.size() - 1;
		}
		Map<String, Object> graph = new LinkedHashMap<>();
		graph.put("links", directedLinks / 2);
		graph.put("linksPerNodeMin", degrees.get(0));
		graph.put("linksPerNodeMedian", degrees.get(degrees.size() / 2));
		graph.put("linksPerNodeMax", degrees.get(degrees.size() - 1));
		graph.put("diameter", diameter);
		graph.put("meanHops", (pairs > 0) ? Math.round(100.0 * hopSum / pairs) / 100.0 : 0);
		return graph;
	}

	private static Map<String, Integer> hops(Map<String, Set<String>> neighbours, String from) {
		Map<String, Integer> hops = new HashMap<>();
		ArrayDeque<String> queue = new ArrayDeque<>();
		hops.put(from, 0);
		queue.add(from);
		while (!queue.isEmpty()) {
			String node = queue.poll();
			int next = hops.get(node) + 1;
			for (String neighbour : neighbours.getOrDefault(node, Set.of())) {
				if (hops.putIfAbsent(neighbour, next) == null) {
					queue.add(neighbour);
				}
			}
		}
		return hops;
	}

}
