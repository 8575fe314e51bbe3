// Bridges the server's SSE stream to htmx: each task event becomes a DOM event that the parts
// showing that task (hx-trigger="nova:task-<id> from:body") or any task ("nova:task") listen for.
(function () {
  htmx.config.responseHandling = [
    { code: "204", swap: false },
    { code: "[23]..", swap: true },
    { code: "[45]..", swap: true, error: true }
  ];
  var url = document.body.dataset.events;
  if (!url || !window.EventSource) return;
  var lastId = null;

  function connect() {
    // The browser's own reconnect sends Last-Event-ID; a new stream after a refusal (the server was
    // restarting, or a part was down) names the last event in the query instead.
    var source = new EventSource(lastId ? url + "?last_event_id=" + encodeURIComponent(lastId) : url);
    // "ready" carries the stream's id when the page joined, so even a page that has seen no task event yet resumes from there
    source.addEventListener("ready", function (message) {
      if (message.lastEventId) lastId = message.lastEventId;
    });
    source.addEventListener("task", function (message) {
      if (message.lastEventId) lastId = message.lastEventId;
      var event = JSON.parse(message.data);
      htmx.trigger(document.body, "nova:task-" + event.task_id, event);
      htmx.trigger(document.body, "nova:task", event);
    });
    // The server cannot tell what was missed (its record of events was trimmed or lost): fetch everything again.
    source.addEventListener("resync", function () {
      htmx.trigger(document.body, "nova:resync");
    });
    source.addEventListener("error", function () {
      if (source.readyState === EventSource.CLOSED) setTimeout(connect, 3000);
    });
  }
  connect();
})();

// A banner naming the parts that are down, and the task changes still waiting to be stored.
(function () {
  var banner = document.getElementById("outage");
  if (!banner) return;
  var names = { postgresql: "PostgreSQL", redis: "Redis", temporal: "Temporal", workers: "Nova's Temporal workers" };
  function show(health) {
    var down = (health.down || []).map(function (d) { return names[d.part] || d.part; });
    var waiting = (health.projections_waiting || []).length;
    var text = [];
    if (down.length) text.push(down.join(", ") + (down.length > 1 ? " are" : " is") + " not answering: actions answer 503 until it is back; nothing needs a restart.");
    if (waiting) text.push(waiting + (waiting > 1 ? " task changes wait" : " task change waits") + " to be stored, and will be.");
    banner.textContent = text.join(" ");
    banner.hidden = text.length === 0;
  }
  function poll() {
    if (document.hidden) return;
    fetch("/health/ready", { headers: { Accept: "application/json" } })
      .then(function (r) { return r.json(); })
      .then(show)
      .catch(function () { show({ down: [{ part: "the Nova server" }] }); });
  }
  poll();
  setInterval(poll, 5000);
})();
