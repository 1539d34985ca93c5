// Runs at the start of <body>: tells GOV.UK Frontend's CSS that its JavaScript is supported here.
// A static file rather than the usual inline one-liner, so the Content Security Policy can forbid inline script.
document.body.className += " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
