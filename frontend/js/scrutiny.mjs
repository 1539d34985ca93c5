// Progressive enhancement only: every page works without JavaScript.
import { initAll } from "/static/govuk/all.bundle.mjs";

initAll();
