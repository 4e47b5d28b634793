/*
 * Copyright 2026 the LiteMesh authors.
 *
 * The LiteMesh graph page: draws the JSON of the mesh Actuator endpoint with Cytoscape.js,
 * fetches it again every two seconds, and shows the state of the node the user selects.
 * Whatever a node advertises (ids, service names) reaches the DOM as text or attribute
 * values, never as markup.
 */
(function () {
	'use strict';

	const REFRESH_MILLIS = 2000;
	const STATUS_COLORS = { UP: '#2e9d4f', SUSPECT: '#d99a00', LEAVING: '#3f7fd0', DOWN: '#c63b3b' };
	// Edges get ids of their own; this separator keeps them apart from any node id
	const SEPARATOR = '\u0001';
	const RING_SPACING = 140;
	const NODE_SPACING = 90;
	const MAX_FIT_ZOOM = 1.5;

	const meshEndpoint = document.body.dataset.meshEndpoint;
	const graph = document.getElementById('graph');
	const localNode = document.getElementById('local-node');
	const refreshStatus = document.getElementById('refresh-status');
	const nodeList = document.getElementById('node-list');
	const serviceList = document.getElementById('service-list');
	const nodeState = document.getElementById('node-state');
	const nodeStateId = document.getElementById('node-state-id');
	const nodeStateStatus = document.getElementById('node-state-status');
	const nodeStateBody = document.getElementById('node-state-body');

	let selectedId = null;
	// Counts selections, so that a late answer for an earlier one is dropped
	let selection = 0;
	// What the last layout and node list were made of: both are redone only when it changes,
	// so the graph does not jump and keyboard focus stays put between refreshes
	let layoutKey = '';
	let listKey = '';

	const cy = cytoscape({
		container: graph,
		minZoom: 0.2,
		maxZoom: 3,
		style: [
			{
				selector: 'node',
				style: {
					'background-color': '#8a8a8a',
					label: 'data(id)',
					'font-size': 12,
					'text-valign': 'bottom',
					'text-margin-y': 6,
					'text-background-color': '#ffffff',
					'text-background-opacity': 0.8,
					'text-background-padding': 2,
					width: 28,
					height: 28
				}
			},
			...Object.entries(STATUS_COLORS).map(([status, color]) => ({
				selector: 'node[status = "' + status + '"]',
				style: { 'background-color': color }
			})),
			{ selector: 'node[?local]', style: { 'border-width': 4, 'border-color': '#1d2733' } },
			{
				selector: 'node.chosen',
				style: {
					'underlay-color': '#f08a24',
					'underlay-opacity': 0.45,
					'underlay-padding': 8,
					'underlay-shape': 'ellipse'
				}
			},
			{ selector: 'edge', style: { width: 2, 'curve-style': 'bezier', 'line-color': '#56606b' } },
			{ selector: 'edge[transport = "jdbc"]', style: { 'line-style': 'dashed', 'line-color': '#7b4fc9' } },
			{ selector: 'edge[transport = "file"]', style: { 'line-style': 'dotted', 'line-color': '#b86e1f', width: 3 } },
			{ selector: 'edge[transport = "memory"]', style: { 'line-color': '#2a8c82' } }
		]
	});
	cy.on('tap', 'node', (event) => select(event.target.id()));

	async function refresh() {
		try {
			const mesh = await fetchJson(meshEndpoint,
					'is the mesh endpoint exposed over HTTP (management.endpoints.web.exposure.include=mesh)?');
			showLocal(mesh.node);
			draw(mesh);
			listNodes(mesh);
			listServices(mesh.services);
			report('Updated ' + new Date().toLocaleTimeString() + ': ' + count(mesh.nodes.length, 'node') + ', '
					+ count(mesh.links.length, 'link') + '.', false);
		}
		catch (error) {
			// Keep the last picture: it is still the best there is
			report(error.message, true);
		}
		window.setTimeout(refresh, REFRESH_MILLIS);
	}

	async function fetchJson(url, hint) {
		let response;
		try {
			response = await fetch(url, { headers: { Accept: 'application/json' }, cache: 'no-store' });
		}
		catch (error) {
			throw new Error('GET ' + url + ' failed (' + error.message + '): is the node still running?');
		}
		const body = await response.json().catch(() => null);
		if (!response.ok) {
			const reason = (body && body.message) ? body.message : hint;
			throw new Error('GET ' + url + ' answered ' + response.status + (reason ? ': ' + reason : '.'));
		}
		return body;
	}

	function showLocal(node) {
		localNode.textContent = 'Node ' + node.id + ' of cluster ' + node.cluster + ', ' + node.status;
		document.title = 'LiteMesh: ' + node.id;
	}

	function draw(mesh) {
		const known = new Set(mesh.nodes.map((node) => node.id));
		const elements = new Map();
		for (const node of mesh.nodes) {
			const data = { id: node.id, status: node.status, hops: node.hops, local: node.id === mesh.node.id };
			elements.set(node.id, { group: 'nodes', data: data });
		}
		for (const link of mesh.links) {
			if (known.has(link.from) && known.has(link.to)) {
				// Either direction is the same link: one id for both
				const ends = [link.from, link.to].sort();
				const id = ends.join(SEPARATOR) + SEPARATOR + link.transport;
				const data = { id: id, source: ends[0], target: ends[1], transport: link.transport };
				elements.set(id, { group: 'edges', data: data });
			}
		}
		cy.batch(() => {
			cy.elements().filter((element) => !elements.has(element.id())).remove();
			elements.forEach((element, id) => {
				const drawn = cy.getElementById(id);
				if (drawn.empty()) {
					cy.add(element);
				}
				else if (element.group === 'nodes') {
					drawn.data(element.data);
				}
			});
			cy.nodes().removeClass('chosen');
			if (selectedId !== null) {
				cy.getElementById(selectedId).addClass('chosen');
			}
		});
		const key = JSON.stringify([...elements.values()].map((element) => [element.data.id, element.data.hops]));
		if (key !== layoutKey) {
			layoutKey = key;
			layOut(mesh.nodes);
		}
		graph.setAttribute('aria-label', 'Graph of the mesh: ' + count(mesh.nodes.length, 'node') + ', '
				+ count(mesh.links.length, 'link'));
	}

	// Rings around this node by hop count, unreachable nodes outermost: stable from one
	// refresh to the next, cheap for hundreds of nodes, and it shows the mesh as this node
	// routes it. A ring with an even number of nodes leaves one slot free, so that no two
	// of them face each other across the centre and hide the link between them behind it.
	function layOut(nodes) {
		const rings = new Map();
		for (const node of nodes) {
			const ring = (node.hops < 0) ? Number.MAX_SAFE_INTEGER : node.hops;
			rings.set(ring, (rings.get(ring) || []).concat(node.id));
		}
		const positions = {};
		let radius = 0;
		for (const ring of [...rings.keys()].sort((a, b) => a - b)) {
			const ids = rings.get(ring).sort();
			if (ring > 0) {
				radius = Math.max(radius + RING_SPACING, ids.length * NODE_SPACING / (2 * Math.PI));
			}
			const slots = (ids.length % 2 === 0) ? ids.length + 1 : ids.length;
			ids.forEach((id, i) => {
				const angle = -Math.PI / 2 + 2 * Math.PI * i / slots;
				positions[id] = { x: radius * Math.cos(angle), y: radius * Math.sin(angle) };
			});
		}
		cy.layout({ name: 'preset', positions: positions, fit: true, padding: 60, animate: false }).run();
		// A small mesh fitted to the whole canvas would be drawn huge
		if (cy.zoom() > MAX_FIT_ZOOM) {
			cy.zoom(MAX_FIT_ZOOM);
			cy.center();
		}
	}

	function listNodes(mesh) {
		const nodes = mesh.nodes.slice().sort((a, b) => distance(a) - distance(b) || a.id.localeCompare(b.id));
		const key = JSON.stringify(nodes.map((node) => [node.id, node.status, node.hops, node.services]));
		if (key === listKey) {
			return;
		}
		listKey = key;
		const focused = document.activeElement ? document.activeElement.dataset.nodeId : undefined;
		nodeList.replaceChildren(...nodes.map((node) => nodeItem(node, mesh.node.id)));
		if (focused !== undefined) {
			const button = nodeButton(focused);
			if (button) {
				button.focus();
			}
		}
	}

	function distance(node) {
		return (node.hops < 0) ? Number.MAX_SAFE_INTEGER : node.hops;
	}

	function nodeItem(node, localId) {
		const where = (node.id === localId) ? 'this node'
				: (node.hops < 0) ? 'unreachable' : count(node.hops, 'hop') + ' away';
		const button = document.createElement('button');
		button.type = 'button';
		button.className = 'node-button';
		button.dataset.nodeId = node.id;
		button.dataset.status = node.status;
		button.title = node.id + ': ' + node.status + ', ' + where;
		button.setAttribute('aria-label', button.title);
		button.setAttribute('aria-pressed', String(node.id === selectedId));
		button.append(dot(node.status), text('span', 'node-id', node.id),
				text('span', 'node-detail', where + (node.services.length ? '; ' + node.services.join(', ') : '')));
		button.addEventListener('click', () => select(node.id));
		const item = document.createElement('li');
		item.append(button);
		return item;
	}

	function listServices(services) {
		const items = services.slice().sort((a, b) => a.name.localeCompare(b.name)).map((service) => {
			const item = document.createElement('li');
			item.dataset.service = service.name;
			item.append(text('span', 'service-name', service.name),
					text('span', 'service-nodes', service.nodes.length ? service.nodes.join(', ') : 'no node up'));
			return item;
		});
		serviceList.replaceChildren(...items);
	}

	// Selecting the selected node again asks it again
	async function select(id) {
		selectedId = id;
		const ticket = ++selection;
		for (const button of nodeList.querySelectorAll('button[data-node-id]')) {
			button.setAttribute('aria-pressed', String(button.dataset.nodeId === id));
		}
		cy.nodes().removeClass('chosen');
		cy.getElementById(id).addClass('chosen');
		nodeState.hidden = false;
		nodeState.dataset.nodeId = id;
		nodeStateId.textContent = id;
		nodeStateStatus.textContent = 'Asking ' + id + ' through the mesh\u2026';
		nodeStateStatus.classList.remove('error');
		nodeStateBody.textContent = '';
		delete nodeStateBody.dataset.nodeId;
		try {
			const state = await fetchJson(meshEndpoint + '/' + encodeURIComponent(id));
			if (ticket === selection) {
				nodeStateStatus.textContent = 'As ' + id + ' reported it at ' + new Date().toLocaleTimeString()
						+ '; select it again to ask again.';
				nodeStateBody.textContent = JSON.stringify(state, null, 2);
				nodeStateBody.dataset.nodeId = id;
			}
		}
		catch (error) {
			if (ticket === selection) {
				nodeStateStatus.textContent = error.message;
				nodeStateStatus.classList.add('error');
			}
		}
	}

	function nodeButton(id) {
		return [...nodeList.querySelectorAll('button[data-node-id]')].find((button) => button.dataset.nodeId === id);
	}

	function report(message, error) {
		refreshStatus.textContent = message;
		refreshStatus.classList.toggle('error', error);
	}

	function dot(status) {
		const span = document.createElement('span');
		span.className = 'dot';
		if (Object.hasOwn(STATUS_COLORS, status)) {
			span.classList.add('status-' + status);
		}
		span.setAttribute('aria-hidden', 'true');
		return span;
	}

	function text(tag, className, content) {
		const element = document.createElement(tag);
		element.className = className;
		element.textContent = content;
		return element;
	}

	function count(n, noun) {
		return n + ' ' + noun + ((n === 1) ? '' : 's');
	}

	refresh();
})();
