// The chat page: posts each turn to /api/v1/chat/stream and shows the answer token by token as
// the server-sent events arrive (EventSource cannot POST, so fetch reads the stream).
(function () {
  var form = document.getElementById("chat-form");
  if (!form) return;
  var log = document.getElementById(form.dataset.log);
  var history = [];
  function bubble(role, text) {
    var p = document.createElement("div");
    p.className = "bubble " + role;
    p.textContent = text;
    log.appendChild(p);
    return p;
  }
  form.addEventListener("submit", async function (e) {
    e.preventDefault();
    var input = form.querySelector("textarea");
    var message = input.value.trim();
    if (!message) return;
    input.value = "";
    bubble("user", message);
    var answer = bubble("assistant", "");
    var meta = document.createElement("small");
    var body = { message: message, history: history.slice() };
    if (form.agent.value) body.agent_id = form.agent.value;
    var response = await fetch(form.dataset.url, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": form.dataset.csrf },
      body: JSON.stringify(body)
    });
    if (!response.ok) {
      var error = await response.json().catch(function () { return { error: response.statusText }; });
      answer.classList.add("failed");
      answer.textContent = error.error;
      return;
    }
    var reader = response.body.getReader();
    var decoder = new TextDecoder();
    var buffer = "";
    for (;;) {
      var chunk = await reader.read();
      if (chunk.done) break;
      buffer += decoder.decode(chunk.value, { stream: true });
      var events = buffer.split("\n\n");
      buffer = events.pop();
      events.forEach(function (raw) {
        if (raw.indexOf("data: ") !== 0) return;
        var event = JSON.parse(raw.slice(6));
        if (event.type === "token") answer.textContent += event.text;
        if (event.type === "done") meta.textContent = event.model + " · " + event.usage.input_tokens + " tokens in, " + event.usage.output_tokens + " out";
        if (event.type === "error") { answer.classList.add("failed"); meta.textContent = event.message; }
      });
    }
    answer.appendChild(meta);
    history.push({ role: "user", content: message }, { role: "assistant", content: answer.firstChild ? answer.firstChild.textContent : "" });
  });
})();
