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
  var source = new EventSource(url);
  var opened = false;
  source.addEventListener("open", function () {
    // EventSource reconnects by itself; what happened while it was away is fetched again.
    if (opened) htmx.trigger(document.body, "nova:resync");
    opened = true;
  });
  source.addEventListener("task", function (message) {
    var event = JSON.parse(message.data);
    htmx.trigger(document.body, "nova:task-" + event.task_id, event);
    htmx.trigger(document.body, "nova:task", event);
  });
})();
