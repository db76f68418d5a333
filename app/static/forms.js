// The browser's own form checks (required, min/max, minlength) speak the browser's
// language, not the page's: an English-language Chrome says "Please fill out this field"
// on a Vietnamese page. Each refusal gets the page's words instead; they are written into
// base.html's <script id="form-checks"> by the server (Flask-Babel), so they follow the
// language the user chose on the site.
(function () {
  "use strict";
  var source = document.getElementById("form-checks");
  if (!source) { return; }
  function say(key, values) {
    var text = source.getAttribute("data-" + key) || source.getAttribute("data-bad") || "";
    return text.replace(/\{(\w+)\}/g, function (whole, name) {
      return values && values[name] != null ? values[name] : "";
    });
  }
  function message(el) {
    var v = el.validity;
    var min = el.getAttribute("min"), max = el.getAttribute("max");
    if (v.valueMissing) {
      if (el.type === "checkbox") { return say("tick"); }
      if (el.type === "file") { return say("file"); }
      if (el.tagName === "SELECT" || el.type === "radio") { return say("choose"); }
      return say("missing");
    }
    if (v.rangeUnderflow || v.rangeOverflow) {
      if (min !== null && max !== null) { return say("range", {min: min, max: max}); }
      return v.rangeUnderflow ? say("min", {min: min}) : say("max", {max: max});
    }
    if (v.tooShort) { return say("short", {min: el.getAttribute("minlength"), n: el.value.length}); }
    if (v.tooLong) { return say("long", {max: el.getAttribute("maxlength"), n: el.value.length}); }
    if (v.typeMismatch && el.type === "email") { return say("email"); }
    // a date box's title says the form it wants (dd/mm/yyyy …), in the page's language
    if (v.patternMismatch && el.title) { return el.title; }
    return say("bad");
  }
  document.addEventListener("invalid", function (event) {
    var el = event.target;
    if (!el.setCustomValidity) { return; }
    el.setCustomValidity("");
    if (!el.validity.valid) { el.setCustomValidity(message(el)); }
  }, true);
  function clear(event) {
    if (event.target.setCustomValidity) { event.target.setCustomValidity(""); }
  }
  document.addEventListener("input", clear, true);
  document.addEventListener("change", clear, true);
}());
