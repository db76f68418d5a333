/* Loa: live status of background work, and the preview player's length.
 *
 * An element with data-live-status="URL" is polled (JSON from app/progress.py) until the work
 * is done: its [data-live-label] and [data-live-estimate] take the new text, a badge with
 * data-live-class="prefix-" takes the new state's class, and once the audio is ready its
 * player and links go into [data-live-player]. Polling backs off, stops when done, on a refusal
 * or after half an hour. Pages work without this script: they show the state at load.
 *
 * An <audio data-preview> shows its length in [data-preview-note] once the browser knows it.
 */
(function () {
  "use strict";

  var FIRST_MS = 1000, LONGEST_MS = 20000, GIVE_UP_MS = 30 * 60 * 1000;

  function mmss(seconds) {
    var s = Math.floor(seconds);  // as the browser's own player counts
    return Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
  }

  function within(root, selector) {  // the root itself counts: a badge may poll for itself
    var found = Array.prototype.slice.call(root.querySelectorAll(selector));
    return root.matches(selector) ? [root].concat(found) : found;
  }

  function setText(root, selector, text) {
    within(root, selector).forEach(function (node) { node.textContent = text || ""; });
  }

  function link(href, text, download) {
    var a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    if (download) { a.className = "button"; }
    return a;
  }

  function showPlayer(root, data) {
    var box = root.querySelector("[data-live-player]");
    if (!box || !data.src || box.querySelector("audio")) { return; }
    var audio = document.createElement("audio");
    audio.controls = true;
    audio.preload = "metadata";
    audio.src = data.src;
    box.appendChild(audio);
    if (data.download) {
      box.appendChild(document.createTextNode(" "));
      box.appendChild(link(data.download, box.dataset.downloadText || "MP3", true));
    }
    if (data.duration_s) {
      var length = document.createElement("span");
      length.className = "meta";
      length.textContent = " " + mmss(data.duration_s);
      box.appendChild(length);
    }
  }

  function showLinks(root, data) {
    var box = root.querySelector("[data-live-links]");
    if (!box) { return; }
    box.textContent = "";
    if (data.public_url) {
      box.appendChild(link(data.public_url, box.dataset.pageText || data.public_url));
    }
    if (data.public_audio_url) {
      root.querySelectorAll("[data-live-until-audio]").forEach(function (hint) { hint.remove(); });
      if (data.public_url) { box.appendChild(document.createTextNode(" · ")); }
      box.appendChild(link(data.public_audio_url, box.dataset.audioText || "MP3"));
    }
  }

  function render(root, data) {
    setText(root, "[data-live-label]", data.label);
    setText(root, "[data-live-estimate]", data.done ? "" : data.estimate);
    within(root, "[data-live-class]").forEach(function (badge) {
      var prefix = badge.dataset.liveClass;
      badge.className.split(/\s+/).forEach(function (name) {
        if (name.indexOf(prefix) === 0) { badge.classList.remove(name); }
      });
      badge.classList.add(prefix + data.status);
    });
    root.dataset.liveState = data.status;
    if (data.done) {
      showPlayer(root, data);
      showLinks(root, data);
    }
  }

  function watch(root) {
    var url = root.dataset.liveStatus, wait = FIRST_MS, started = Date.now();

    function later(hintSeconds) {
      if (Date.now() - started > GIVE_UP_MS) { return; }
      var hinted = hintSeconds ? hintSeconds * 1000 : wait;
      setTimeout(tick, Math.min(LONGEST_MS, Math.max(FIRST_MS, Math.min(wait, hinted))));
      wait = Math.min(LONGEST_MS, wait * 1.5);  // back off: a slow job is asked less often
    }

    function tick() {
      fetch(url, {credentials: "same-origin", headers: {"Accept": "application/json"}})
        .then(function (response) {
          var type = response.headers.get("Content-Type") || "";
          if (response.status === 403 || response.status === 404 ||
              type.indexOf("application/json") < 0) {
            return null;  // refused, gone, or signed out (the login page): stop asking
          }
          if (!response.ok) { throw new Error(String(response.status)); }
          return response.json();
        })
        .then(function (data) {
          if (!data) { return; }
          render(root, data);
          if (!data.done) { later(data.poll_after_s); }
        })
        .catch(function () { later(); });
    }

    later(1);
  }

  function preview(audio) {
    var note = document.getElementById(audio.dataset.preview);
    if (!note) { return; }
    function known() {
      if (isFinite(audio.duration) && audio.duration > 0) {
        note.textContent = (note.dataset.lengthText || "") + " " + mmss(audio.duration);
        note.dataset.state = "ready";
      }
    }
    audio.addEventListener("loadedmetadata", known);
    audio.addEventListener("durationchange", known);
    audio.addEventListener("error", function () {
      note.textContent = note.dataset.errorText || "";
      note.dataset.state = "failed";
    });
    if (audio.readyState >= 1) { known(); }
  }

  function start() {
    document.querySelectorAll("[data-live-status]").forEach(watch);
    document.querySelectorAll("audio[data-preview]").forEach(preview);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
