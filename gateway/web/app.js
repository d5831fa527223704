// The read-only page of one party: its caseload, and a dossier's calendar and timeline.
//
// Everything comes from the GraphQL API with the caller's own bearer token, so the page shows
// exactly what the policy lets that caller read. The token lives in sessionStorage (this tab
// only); a link may carry it in the fragment (#token=...), which browsers never send to a
// server, and the page removes it from the address bar at once. Data is put in the page only
// as text (textContent), never as HTML.
"use strict";

const OPSLAG = "wvp.token";
const PER_PAGINA = 10;

const STATUS = {
  OPEN: "Open",
  OP_TIJD: "Op tijd",
  TE_LAAT: "Te laat",
  VERLOPEN: "Verlopen",
  NIET_VAN_TOEPASSING: "N.v.t.",
  HERSTELD: "Hersteld",
};

const CASELOAD = `query Caseload($status: CaseloadStatus!, $first: Int!, $after: String) {
  me { rol persoonId organisatie }
  caseload(status: $status, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id werknemerId eersteZiektedag status } }
  }
}`;

const DOSSIER = `query Dossier($id: ID!, $peildatum: Date) {
  dossier(id: $id) {
    id classificaties
    kalender(peildatum: $peildatum) {
      code omschrijving uiterlijk status gedaanOp vastgelegdOp teLaatVastgelegd uitvoerder
    }
    timeline { id geldigOp type classificatie actor { rol persoonId } payload }
  }
}`;

const staat = { cursors: [null], gekozen: null };

const $ = (id) => document.getElementById(id);

function token() {
  return sessionStorage.getItem(OPSLAG);
}

function meld(tekst) {
  $("melding").textContent = tekst;
  $("melding").hidden = !tekst;
}

async function vraag(query, variables) {
  const antwoord = await fetch("/graphql", {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${token()}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await antwoord.json();
  if (antwoord.status === 401) {
    afmelden();
    throw new Error(`Aanmelden mislukt: ${body.errors[0].message}`);
  }
  // FORBIDDEN on a field only means: not for your role. The page shows those as "—".
  const fouten = (body.errors || []).filter((e) => e.extensions?.code !== "FORBIDDEN");
  if (fouten.length || !body.data) {
    throw new Error(fouten.map((e) => e.message).join("; ") || "Geen toegang.");
  }
  return body.data;
}

function cel(tekst, klasse) {
  const td = document.createElement("td");
  if (tekst === null || tekst === undefined || tekst === "") {
    td.textContent = "—";
    td.className = "leeg";
  } else {
    td.textContent = tekst;
    if (klasse) td.className = klasse;
  }
  return td;
}

function label(tekst) {
  const td = document.createElement("td");
  const span = document.createElement("span");
  span.className = "label";
  span.textContent = tekst;
  td.append(span);
  return td;
}

// "ZiekmeldingGeregistreerd" -> "Ziekmelding geregistreerd"
function leesbaar(type) {
  const woorden = type.replace(/([a-z0-9])([A-Z])/g, "$1 $2").split(" ");
  return [woorden[0], ...woorden.slice(1).map((w) => w.toLowerCase())].join(" ");
}

// "2026-01-05" -> "05-01-2026"
function datum(iso) {
  return iso ? iso.split("-").reverse().join("-") : iso;
}

function inhoud(payload) {
  return Object.entries(payload || {})
    .filter(([, v]) => v !== null)
    .map(([k, v]) => `${k.replaceAll("_", " ")}: ${typeof v === "object" ? JSON.stringify(v) : v}`)
    .join("\n");
}

async function laadCaseload() {
  const after = staat.cursors[staat.cursors.length - 1];
  const data = await vraag(CASELOAD, { status: $("status").value, first: PER_PAGINA, after });
  const me = data.me;
  $("wie").textContent = `Aangemeld als ${me.rol} ${me.persoonId} (${me.organisatie})`;
  const rijen = data.caseload.edges.map(({ node }) => {
    const tr = document.createElement("tr");
    tr.dataset.dossier = node.id;
    if (node.id === staat.gekozen) tr.className = "gekozen";
    const knop = document.createElement("button");
    knop.type = "button";
    knop.textContent = "Openen";
    knop.addEventListener("click", () => kies(node.id).catch((e) => meld(e.message)));
    const open = document.createElement("td");
    open.append(knop);
    tr.append(
      cel(node.id.slice(0, 8)),
      cel(node.werknemerId),
      cel(datum(node.eersteZiektedag), "datum"),
      cel(node.status && STATUS[node.status]),
      open,
    );
    return tr;
  });
  $("dossiers").replaceChildren(...rijen);
  const pagina = staat.cursors.length;
  const totaal = data.caseload.totalCount;
  $("pagina").textContent = `Pagina ${pagina} · ${totaal} ${totaal === 1 ? "dossier" : "dossiers"}`;
  $("vorige").disabled = pagina === 1;
  $("volgende").disabled = !data.caseload.pageInfo.hasNextPage;
  $("volgende").dataset.cursor = data.caseload.pageInfo.endCursor || "";
}

async function kies(id) {
  staat.gekozen = id;
  for (const tr of $("dossiers").children) {
    tr.classList.toggle("gekozen", tr.dataset.dossier === id);
  }
  const data = await vraag(DOSSIER, { id, peildatum: $("peildatum").value || null });
  const dossier = data.dossier;
  $("dossiernummer").textContent = dossier.id;
  $("zichtbaar").textContent = `U ziet: ${dossier.classificaties
    .map((c) => c.toLowerCase())
    .join(", ")}`;

  const kalender = dossier.kalender.map((v) => {
    const tr = document.createElement("tr");
    tr.className = v.status.toLowerCase();
    tr.title = v.code;
    tr.append(
      cel(v.omschrijving),
      cel(datum(v.uiterlijk), "datum"),
      label(
        v.teLaatVastgelegd
          ? `${STATUS[v.status]}, te laat vastgelegd (op ${datum(v.vastgelegdOp)})`
          : STATUS[v.status],
      ),
      cel(datum(v.gedaanOp), "datum"),
      cel(v.uitvoerder),
    );
    return tr;
  });
  $("kalender").tBodies[0].replaceChildren(...kalender);

  const tijdlijn = dossier.timeline.map((e) => {
    const tr = document.createElement("tr");
    tr.dataset.feit = e.id;
    tr.append(
      cel(datum(e.geldigOp), "datum"),
      cel(leesbaar(e.type)),
      cel(e.classificatie.toLowerCase()),
      cel(`${e.actor.rol} ${e.actor.persoonId}`),
      cel(inhoud(e.payload), "inhoud"),
    );
    return tr;
  });
  $("tijdlijn").tBodies[0].replaceChildren(...tijdlijn);
  $("dossier").hidden = false;
}

function toon() {
  const aangemeld = Boolean(token());
  $("aanmelden").hidden = aangemeld;
  $("inhoud").hidden = !aangemeld;
  $("wie").hidden = !aangemeld;
  $("afmelden").hidden = !aangemeld;
  if (aangemeld) {
    laadCaseload().catch((e) => meld(e.message));
  }
}

function afmelden() {
  sessionStorage.removeItem(OPSLAG);
  staat.cursors = [null];
  staat.gekozen = null;
  $("dossier").hidden = true;
  toon();
}

function bladeren(stap) {
  if (stap > 0) {
    staat.cursors.push($("volgende").dataset.cursor);
  } else {
    staat.cursors.pop();
  }
  laadCaseload().catch((e) => meld(e.message));
}

document.addEventListener("DOMContentLoaded", () => {
  const fragment = new URLSearchParams(location.hash.slice(1));
  if (fragment.get("token")) {
    sessionStorage.setItem(OPSLAG, fragment.get("token"));
    history.replaceState(null, "", location.pathname + location.search);
  }
  $("aanmeldformulier").addEventListener("submit", (e) => {
    e.preventDefault();
    meld("");
    sessionStorage.setItem(OPSLAG, $("token").value.trim().replace(/^Bearer\s+/i, ""));
    $("token").value = "";
    toon();
  });
  $("afmelden").addEventListener("click", afmelden);
  $("vorige").addEventListener("click", () => bladeren(-1));
  $("volgende").addEventListener("click", () => bladeren(1));
  $("status").addEventListener("change", () => {
    staat.cursors = [null];
    laadCaseload().catch((e) => meld(e.message));
  });
  $("peilformulier").addEventListener("submit", (e) => {
    e.preventDefault();
    if (staat.gekozen) kies(staat.gekozen).catch((e) => meld(e.message));
  });
  toon();
});
