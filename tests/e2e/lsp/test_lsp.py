"""End-to-end checks of `profilecheck lsp` with a real LSP client (pytest-lsp),
run once per editor with the client capabilities pytest-lsp ships for
VS Code, Neovim and Emacs. Run by tests/e2e_lsp.sh, which sets PROFILECHECK
to the binary under test.

Diagnostics are compared with the CLI's `--format json` findings on the same
files, their positions converted to the encoding the server agreed with the
client (UTF-16 for VS Code, UTF-8 for Neovim, UTF-32 for Emacs).
"""

import asyncio
import json
import os
import pathlib
import shutil
import subprocess
import sys

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

BIN = os.environ["PROFILECHECK"]
REPO = pathlib.Path(__file__).resolve().parents[3]
EDITORS = ["visual-studio-code", "neovim", "emacs"]

# Accents and emoji before every problem: a wrong conversion shifts the ranges.
EMOJI = """name: "Zoé 😀 Martin"
about:
  bio: "Café ☕ 😀😀 crème, e-réputation, veille et réseaux sociaux pour les PME et les artisans de Bretagne et d’ailleurs, depuis 2012"
contact:
  links:
    - {network: other, url: "https://exemple.fr/zoé"}
    - network: linkedin
      url: "réseau😀"
keywords: ["#😀", "#ok", "#bien", "#été 2024"]
alternate_name: {name: "Zoé 2 😀😀", show_on_profile: true}
"""


@pytest_lsp.fixture(
    params=EDITORS,
    config=ClientServerConfig(server_command=[BIN, "lsp"], server_env={**os.environ, "LANG": "C"}),
)
async def client(request, lsp_client: LanguageClient):
    # Editors that let servers register watchers (VS Code, Emacs) get asked to
    # watch configs and packs; the test client records the request.
    lsp_client.registrations = []

    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams):
        lsp_client.registrations.extend(params.registrations)

    params = types.InitializeParams(capabilities=client_capabilities(request.param), locale="en")
    result = await lsp_client.initialize_session(params)
    lsp_client.encoding = result.capabilities.position_encoding or "utf-16"
    yield
    await lsp_client.shutdown_session()


# ---------------------------------------------------------------- helpers


def units(s: str, enc: str) -> int:
    if enc == "utf-8":
        return len(s.encode("utf-8"))
    if enc == "utf-32":
        return len(s)
    return len(s.encode("utf-16-le")) // 2


def to_lsp(text: str, line: int, col: int, enc: str) -> tuple[int, int]:
    """Our 1-based line and column in characters -> LSP (line, character)."""
    line_text = text.split("\n")[line - 1].rstrip("\r")
    return line - 1, units(line_text[: col - 1], enc)


def offset(text: str, pos: types.Position, enc: str) -> int:
    """LSP position -> index into `text` (a str, so code points)."""
    lines = text.split("\n")
    start = sum(len(l) + 1 for l in lines[: pos.line])
    line = lines[pos.line] if pos.line < len(lines) else ""
    n = 0
    for i, ch in enumerate(line):
        if n >= pos.character:
            return start + i
        n += units(ch, enc)
    return start + len(line)


def apply(text: str, edits: list[types.TextEdit], enc: str) -> str:
    spans = [(offset(text, e.range.start, enc), offset(text, e.range.end, enc), e.new_text) for e in edits]
    for s, e, new in sorted(spans, reverse=True):
        text = text[:s] + new + text[e:]
    return text


def pulls(client: LanguageClient) -> bool:
    caps = client.capabilities.text_document
    return bool(caps and caps.diagnostic)


async def diagnostics_after(client: LanguageClient, uri: str, send) -> list[types.Diagnostic]:
    """Send something, then get the diagnostics of `uri` as the editor would:
    by asking (pull) when it can, else by waiting for them to be published."""
    client.diagnostics.pop(uri, None)
    send()
    if pulls(client):
        report = await asyncio.wait_for(
            client.text_document_diagnostic_async(
                types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=uri))
            ),
            10,
        )
        return report.items

    async def wait():
        while uri not in client.diagnostics:
            await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        return client.diagnostics[uri]

    return await asyncio.wait_for(wait(), 10)


async def open_doc(client: LanguageClient, path: pathlib.Path, text: str | None = None):
    text = path.read_text() if text is None else text
    uri = path.as_uri()
    item = types.TextDocumentItem(uri=uri, language_id="yaml", version=1, text=text)
    send = lambda: client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=item))
    return uri, await diagnostics_after(client, uri, send)


async def change_doc(client: LanguageClient, uri: str, version: int, text: str):
    params = types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
    )
    return await diagnostics_after(client, uri, lambda: client.text_document_did_change(params))


def cli(path: pathlib.Path) -> dict:
    out = subprocess.run(
        [BIN, "--format", "json", path.name],
        cwd=path.parent,
        capture_output=True,
        text=True,
        env={**os.environ, "LANG": "C", "NO_COLOR": "1"},
    )
    assert out.returncode in (0, 1, 2), out.stderr
    return json.loads(out.stdout)["profiles"][0]


SEVERITY = {"error": 1, "warning": 2, "info": 3}


def expected_from_cli(path: pathlib.Path, enc: str):
    """(code, line, character, severity) of each CLI problem, in LSP terms."""
    text = path.read_text()
    p = cli(path)
    out = []
    for f in p["findings"]:
        out.append((f["rule"], *to_lsp(text, f["line"], f["column"], enc), SEVERITY[f["severity"]], f["message"]))
    for e in p["errors"]:
        out.append((None, *to_lsp(text, e["line"], e["column"], enc), 1, e["message"]))
    for w in p["warnings"]:
        out.append((None, *to_lsp(text, w["line"], w["column"], enc), 2, w["message"]))
    return sorted(out, key=lambda t: (t[1], t[2], t[0] or ""))


def got(diags: list[types.Diagnostic]):
    return sorted(
        ((d.code, d.range.start.line, d.range.start.character, int(d.severity), d.message) for d in diags),
        key=lambda t: (t[1], t[2], t[0] or ""),
    )


def missing_section(text: str, d: types.Diagnostic) -> bool:
    """A finding about a top-level section the profile lacks: the CLI says
    1:1, and the server keeps that point without underlining the key there."""
    return (d.range.start.line, d.range.start.character) == (0, 0) and d.range.start == d.range.end


def assert_same_as_cli(path: pathlib.Path, diags, enc: str):
    want = expected_from_cli(path, enc)
    have = got(diags)
    # Format errors and warnings carry their own stable code (docs/editors.md).
    assert [w[1:4] for w in want] == [h[1:4] for h in have]
    for w, h in zip(want, have):
        assert w[4] in h[4], (w, h)
        assert h[0] == w[0] if w[0] else h[0], (w, h)
    text = path.read_text()
    for d in diags:
        assert d.source == "profilecheck"
        # A range covers the value or the token: never empty (but the point of
        # a missing section), never a single character on a long value, never
        # past the end of its line.
        if not missing_section(text, d):
            assert (d.range.end.line, d.range.end.character) > (d.range.start.line, d.range.start.character)
        line = text.split("\n")[d.range.end.line] if d.range.end.line < len(text.split("\n")) else ""
        assert d.range.end.character <= units(line.rstrip("\r"), enc), (d, line)


# ---------------------------------------------------------------- tests


@pytest.mark.parametrize("example", sorted(p.name for p in (REPO / "examples").glob("*.yaml")))
async def test_diagnostics_equal_the_cli_findings_on_the_examples(client: LanguageClient, tmp_path, example):
    path = tmp_path / example
    shutil.copy(REPO / "examples" / example, path)
    _, diags = await open_doc(client, path)
    assert_same_as_cli(path, diags, client.encoding)


async def test_positions_after_emoji_and_accents(client: LanguageClient, tmp_path):
    path = tmp_path / "zoé.yaml"
    path.write_text(EMOJI)
    _, diags = await open_doc(client, path)
    assert_same_as_cli(path, diags, client.encoding)
    codes = {d.code for d in diags}
    assert {"bio-length", "link-urls", "keyword-format", "alternate-name-standards"} <= codes
    # The range of link-urls' finding ends at the end of `"réseau😀"` on line 8.
    link = next(d for d in diags if d.code == "link-urls")
    line = EMOJI.split("\n")[7]
    assert (link.range.end.line, link.range.end.character) == (7, units(line, client.encoding))


async def test_an_edit_updates_the_diagnostics(client: LanguageClient, tmp_path):
    path = tmp_path / "p.yaml"
    uri, diags = await open_doc(client, path, "photo: {set: false}\n")
    assert "photo-set" in {d.code for d in diags}
    diags = await change_doc(client, uri, 2, "photo: {set: true, kind: professional, cover: true}\n")
    assert not {c for c in (d.code for d in diags) if c and c.startswith("photo")}
    diags = await change_doc(client, uri, 3, "photo: [unclosed\n")
    assert len(diags) == 1 and diags[0].severity == types.DiagnosticSeverity.Error
    # A client that pulls gets its diagnostics only by asking: pushed ones
    # too would show every finding twice in VS Code and Neovim.
    if pulls(client):
        await asyncio.sleep(0.3)
        assert uri not in client.diagnostics, "a pulling client was pushed diagnostics too"


async def test_hover_on_a_key_and_on_a_finding(client: LanguageClient, tmp_path):
    path = tmp_path / "p.yaml"
    text = "photo:\n  set: true\n  kind: casual\n"
    uri, _ = await open_doc(client, path, text)
    doc = types.TextDocumentIdentifier(uri=uri)
    h = await client.text_document_hover_async(types.HoverParams(text_document=doc, position=types.Position(0, 2)))
    assert "profile picture" in h.contents.value
    h = await client.text_document_hover_async(types.HoverParams(text_document=doc, position=types.Position(2, 4)))
    assert "professional" in h.contents.value and "casual" in h.contents.value
    h = await client.text_document_hover_async(types.HoverParams(text_document=doc, position=types.Position(2, 9)))
    md = h.contents.value
    assert "photo-professional" in md and "1. " in md, md


async def test_completion_of_keys_values_and_rule_ids(client: LanguageClient, tmp_path):
    path = tmp_path / "p.yaml"
    text = "photo:\n  kind: \n  \nwaivers:\n  \n"
    uri, _ = await open_doc(client, path, text)
    doc = types.TextDocumentIdentifier(uri=uri)

    async def labels(line, character):
        r = await client.text_document_completion_async(
            types.CompletionParams(text_document=doc, position=types.Position(line, character))
        )
        items = r.items if hasattr(r, "items") else r
        return {i.label for i in items}

    assert {"professional", "avatar"} <= await labels(1, 8)
    assert {"set", "cover"} == await labels(2, 2), "`kind` is already there"
    assert {"photo-set", "bio-length", "search-engines"} <= await labels(4, 2)
    top = await labels(5, 0)
    assert {"about", "contact", "keywords"} <= top and not {"photo", "waivers"} & top


async def code_actions(client, uri, diag=None, line=None):
    rng = diag.range if diag else types.Range(types.Position(line, 0), types.Position(line, 0))
    ctx = types.CodeActionContext(diagnostics=[diag] if diag else [])
    return await client.text_document_code_action_async(
        types.CodeActionParams(text_document=types.TextDocumentIdentifier(uri=uri), range=rng, context=ctx)
    )


async def test_each_code_action(client: LanguageClient, tmp_path):
    enc = client.encoding
    path = tmp_path / "p.yaml"
    text = "name: Zoé 😀\nphoto:\n  set: true\n  kind: casual\nkeywords: [#été, #b, #c]\n"
    uri, diags = await open_doc(client, path, text)
    assert len(diags) == 1 and diags[0].severity == types.DiagnosticSeverity.Error
    # Quote the hashtags: the YAML comment becomes a list again.
    actions = await code_actions(client, uri, line=4)
    quote = next(a for a in actions if "#été" in a.title)
    text = apply(text, quote.edit.changes[uri], enc)
    assert 'keywords: ["#été", "#b", "#c"]' in text
    diags = await change_doc(client, uri, 2, text)
    assert all(d.code for d in diags), "no format error left"
    # Waive a finding: `waivers: {ID: "reason"}` added, the finding gone, the reason selected.
    kind = next(d for d in diags if d.code == "photo-professional")
    waive = next(a for a in await code_actions(client, uri, diag=kind) if "Waive" in a.title)
    text = apply(text, waive.edit.changes[uri], enc)
    assert 'waivers:\n  photo-professional: "why this rule is set aside"\n' in text
    diags = await change_doc(client, uri, 3, text)
    assert "photo-professional" not in {d.code for d in diags}
    if client.capabilities.window and client.capabilities.window.show_document:
        # Once the edit is applied, the server selects the reason for typing.
        for _ in range(50):
            if client.shown_documents:
                break
            await asyncio.sleep(0.1)
        shown = client.shown_documents[-1]
        sel = shown.selection
        start, end = offset(text, sel.start, enc), offset(text, sel.end, enc)
        assert text[start:end] == "why this rule is set aside"
    # Add a missing section from the template.
    tagging = next(d for d in diags if d.code == "review-tagged-posts")
    add = next(a for a in await code_actions(client, uri, diag=tagging) if "tagging" in a.title)
    text = apply(text, add.edit.changes[uri], enc)
    assert "\ntagging:\n" in text
    diags = await change_doc(client, uri, 4, text)
    assert all(d.code for d in diags), [d.message for d in diags if not d.code]


async def test_a_config_change_republishes(client: LanguageClient, tmp_path):
    # Clients that let servers register watchers are asked to watch configs and packs.
    dynamic = client.capabilities.workspace.did_change_watched_files
    if dynamic and dynamic.dynamic_registration:
        for _ in range(50):
            if client.registrations:
                break
            await asyncio.sleep(0.1)
        assert [r.method for r in client.registrations] == ["workspace/didChangeWatchedFiles"]
    path = tmp_path / "p.yaml"
    _, diags = await open_doc(client, path, "photo: {set: false}\n")
    assert next(d for d in diags if d.code == "photo-set").severity == types.DiagnosticSeverity.Error
    config = tmp_path / ".profilecheck.yaml"
    config.write_text("severity:\n  photo-set: info\n  cover-photo: off\n")
    params = types.DidChangeWatchedFilesParams(
        changes=[types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Created)]
    )
    diags = await diagnostics_after(
        client, path.as_uri(), lambda: client.workspace_did_change_watched_files(params)
    )
    assert next(d for d in diags if d.code == "photo-set").severity == types.DiagnosticSeverity.Information
    assert "cover-photo" not in {d.code for d in diags}
    # Saving the config in the editor re-reads it too.
    uri, cdiags = await open_doc(client, config, "severity:\n  photo-set: warning\n  photo-sett: off\n")
    assert cdiags[0].severity == types.DiagnosticSeverity.Warning and "photo-set" in cdiags[0].message
    config.write_text("severity:\n  photo-set: warning\n")
    save = types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
    diags = await diagnostics_after(client, path.as_uri(), lambda: client.text_document_did_save(save))
    assert next(d for d in diags if d.code == "photo-set").severity == types.DiagnosticSeverity.Warning


async def test_hostile_input_never_stops_the_server(client: LanguageClient, tmp_path):
    pack = tmp_path / "house.yaml"
    _, diags = await open_doc(
        client,
        pack,
        'pack: house\nrules:\n  - id: brand\n    severity: warning\n    title: Brand\n    check: {path: about.bio, matches: "(["}\n',
    )
    assert len(diags) == 1 and diags[0].range.start.line == 5
    path = tmp_path / "big.yaml"
    _, diags = await open_doc(client, path, "bio: " + "a" * (1024 * 1024 + 10) + "\n")
    assert len(diags) == 1 and "1048576" in diags[0].message.replace(" ", "").replace(",", "")
    never = (tmp_path / "never.yaml").as_uri()
    diags = await change_doc(client, never, 7, "photo: {set: false}\n")
    assert "photo-set" in {d.code for d in diags}
    _, diags = await open_doc(client, tmp_path / "bad.yaml", "a: b: c\n\t- [}\n")
    assert diags and diags[0].severity == types.DiagnosticSeverity.Error
    with pytest.raises(Exception):
        await client.protocol.send_request_async("profilecheck/unknown", {})
    # Still answering, in order.
    h = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=never), position=types.Position(0, 1))
    )
    assert "profile picture" in h.contents.value


# ---------------------------------------------------------------- issue 26, 27


async def test_line_ends_lf_crlf_and_cr_agree_with_the_cli(client: LanguageClient, tmp_path):
    for name, nl in [("lf", "\n"), ("crlf", "\r\n"), ("cr", "\r")]:
        text = nl.join(["name: Jo", "about:", "  bio: Hi", "", "photo: {set: false}", "keywords: [a, b]", ""])
        path = tmp_path / f"{name}.yaml"
        path.write_bytes(text.encode())
        _, diags = await open_doc(client, path, text)
        findings = {f["rule"]: f["line"] - 1 for f in cli(path)["findings"]}
        assert findings["photo-set"] == 4, name
        assert {d.code: d.range.start.line for d in diags} == findings, name


async def test_codes_ranges_and_the_block_hashtag(client: LanguageClient, tmp_path):
    path = tmp_path / "p.yaml"
    fmt = {"hashtag-comment", "empty-list-item"}
    uri, diags = await open_doc(client, path, "name: Jo\nkeywords:\n  - #ereputation\n")
    diags = [d for d in diags if d.code in fmt]
    assert [(d.code, d.range.start.line, d.range.start.character) for d in diags] == [("hashtag-comment", 2, 4)]
    assert diags[0].range.end.character == 16 and '"#ereputation"' in diags[0].message
    diags = await change_doc(client, uri, 2, "name: Jo\nkeywords:\n  -\n  - seo\n")
    assert [
        (d.code, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character)
        for d in diags
        if d.code in fmt
    ] == [("empty-list-item", 2, 2, 2, 3)]
    diags = await change_doc(client, uri, 3, "name: Jo\nnmae: x\nphoto:\n  kind: casual\n")
    assert "unknown-key" in {d.code for d in diags} and all(d.code for d in diags)
    diags = await change_doc(client, uri, 4, "name: Jo\nphoto:\n  kind: casual\n")
    photo = next(d for d in diags if d.code == "photo-set")
    assert (photo.range.start.line, photo.range.start.character, photo.range.end.character) == (1, 0, 5)
    keywords = next(d for d in diags if d.code == "keywords")
    assert keywords.range.start == keywords.range.end == types.Position(0, 0)


async def test_hover_escapes_pack_texts_and_explains_rules_turned_off(client: LanguageClient, tmp_path):
    evil = "![px](https://attacker.example/pixel.png) <img src=x onerror=alert(1)>"
    (tmp_path / "evil.yaml").write_text(
        "pack: evil\nrules:\n  - id: evil-rule\n    severity: error\n"
        f"    title: '{evil}'\n    check: {{path: about.bio, present: true}}\n"
    )
    (tmp_path / ".profilecheck.yaml").write_text("rules: [evil.yaml]\nseverity:\n  photo-set: off\n")
    uri, _ = await open_doc(client, tmp_path / "p.yaml", "name: x\nwaivers:\n  evil-rule: y\n  photo-set: z\n")
    doc = types.TextDocumentIdentifier(uri=uri)
    h = await client.text_document_hover_async(types.HoverParams(text_document=doc, position=types.Position(2, 4)))
    value = h.contents.value
    assert "![px](" not in value and " <img" not in value, value
    h = await client.text_document_hover_async(types.HoverParams(text_document=doc, position=types.Position(3, 4)))
    assert h is not None and "photo-set" in h.contents.value and "off" in h.contents.value
    if h.contents.kind == types.MarkupKind.PlainText:
        assert "**" not in h.contents.value and "`" not in h.contents.value


async def test_an_unknown_key_hides_no_rule_diagnostic(client: LanguageClient, tmp_path):
    # The CLI is strict: it reports the format errors and no finding. The
    # editor shows the same errors at the same places, and every rule's
    # diagnostic for the rest: the CLI's findings on the file without the
    # faulty lines.
    lines = ["name: Jo", "nmae: x", "photo:", "  set: false", "  cover: maybe", "keywords: [seo]", ""]
    bad = tmp_path / "bad.yaml"
    bad.write_text("\n".join(lines))
    rest = tmp_path / "rest.yaml"
    rest.write_text("\n".join(l for i, l in enumerate(lines) if i not in (1, 4)))
    strict = cli(bad)
    assert strict["errors"] and not strict["findings"]
    _, diags = await open_doc(client, bad)
    errors = {(e["line"] - 1, e["column"] - 1) for e in strict["errors"]}
    shown = {(d.range.start.line, d.range.start.character) for d in diags if d.severity == types.DiagnosticSeverity.Error and d.code in {"unknown-key", "expected-bool"}}
    assert shown == errors, [(d.code, d.range.start) for d in diags]
    wanted = {f["rule"] for f in cli(rest)["findings"]}
    assert wanted and wanted <= {d.code for d in diags}, wanted - {d.code for d in diags}


async def test_files_the_cli_would_not_lint_are_left_alone(client: LanguageClient, tmp_path):
    # The CLI's own walk is the reference: what it does not lint, the editor
    # does not diagnose; what it lints, the editor does.
    (tmp_path / ".profilecheck.yaml").write_text('include: ["clients/**/*.yaml"]\nexclude: ["clients/vip/drafts/"]\n')
    profile = "photo: {set: false}\n"
    files = {
        "docker-compose.yml": "services:\n  web:\n    image: nginx\n",
        "clients/compose.yaml": "services:\n  web:\n    image: nginx\n",
        ".pre-commit-config.yaml": "repos: []\n",
        ".github/workflows/ci.yml": "on: push\njobs: {}\n",
        "clients/vip/drafts/p.yaml": profile,
        "notes/p.yaml": profile,
        "clients/vip/p.yaml": profile,
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    out = subprocess.run(
        [BIN, "--format", "json", "."],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "LANG": "C", "NO_COLOR": "1"},
    )
    linted = {str(pathlib.PurePath(p["file"])) for p in json.loads(out.stdout)["profiles"]}
    assert linted == {"clients/vip/p.yaml"}, linted
    for name, text in files.items():
        uri, diags = await open_doc(client, tmp_path / name, text)
        if name in linted:
            assert "photo-set" in {d.code for d in diags}, name
            continue
        assert list(diags) == [], (name, [d.message for d in diags])
        at = types.Position(0, 2)
        doc = types.TextDocumentIdentifier(uri=uri)
        assert await client.text_document_hover_async(types.HoverParams(text_document=doc, position=at)) is None, name
        items = await client.text_document_completion_async(types.CompletionParams(text_document=doc, position=at))
        labels = items.items if isinstance(items, types.CompletionList) else (items or [])
        assert list(labels) == [], (name, [i.label for i in labels])


def server_rss_kib(client: LanguageClient) -> int | None:
    """The server process's resident memory (Linux), or None elsewhere."""
    proc = getattr(client, "_server", None)
    pid = getattr(proc, "pid", None)
    try:
        status = pathlib.Path(f"/proc/{pid}/status").read_text()
    except (OSError, TypeError):
        return None
    line = next(l for l in status.splitlines() if l.startswith("VmRSS:"))
    return int(line.split()[1])


@pytest.mark.parametrize("target", ["/dev/zero", "fifo", "/dev/stdin", "link-to-zero"])
async def test_a_pack_that_is_no_regular_file_is_refused(client: LanguageClient, tmp_path, target):
    entry = target
    if target == "fifo":
        entry = "z.yaml"
        os.mkfifo(tmp_path / entry)
    elif target == "link-to-zero":
        # A link made elsewhere, named by its absolute path.
        elsewhere = tmp_path / "elsewhere"
        elsewhere.mkdir()
        (elsewhere / "z.yaml").symlink_to("/dev/zero")
        entry = str(elsewhere / "z.yaml")
    (tmp_path / "tree").mkdir()
    if target == "fifo":
        os.rename(tmp_path / "z.yaml", tmp_path / "tree" / "z.yaml")
    (tmp_path / "tree" / ".profilecheck.yaml").write_text(f"rules: [{entry}]\n")
    _, diags = await open_doc(client, tmp_path / "tree" / "p.yaml", "photo: {set: false}\n")
    assert any("not a regular file" in d.message for d in diags), [d.message for d in diags]
    assert "photo-set" in {d.code for d in diags}
    rss = server_rss_kib(client)
    if sys.platform.startswith("linux"):
        assert rss is not None and rss < 300 * 1024, f"{rss} KiB"


@pytest.mark.parametrize("link", ["linkpack.yaml", "linkdir", "z.yaml"])
async def test_a_rules_entry_that_leaves_the_tree_through_a_link_is_refused(client: LanguageClient, tmp_path, link):
    tree, outside = tmp_path / "tree", tmp_path / "outside"
    tree.mkdir()
    outside.mkdir()
    (outside / "secret.yaml").write_text(
        "pack: secret\nrules:\n  - id: secret-rule\n    severity: error\n    title: Secret\n"
        "    check: {path: about.bio, present: true}\n"
    )
    (tree / "linkpack.yaml").symlink_to("../outside/secret.yaml")
    (tree / "linkdir").symlink_to("../outside")
    (tree / "z.yaml").symlink_to("/dev/zero")
    (tree / ".profilecheck.yaml").write_text(f"rules:\n  - {link}\n")
    _, diags = await open_doc(client, tree / "p.yaml", "photo: {set: false}\n")
    codes = {d.code for d in diags}
    assert "secret-rule" not in codes and "photo-set" in codes, codes
    said = [d.message for d in diags if d.code == "broken-config"]
    assert any(f"`{link}` leaves the config's folder" in m and ".profilecheck.yaml:2:" in m for m in said), said
    # The CLI refuses the same entry, at the same line.
    (tree / "p.yaml").write_text("photo: {set: false}\n")
    out = subprocess.run(
        [BIN, "p.yaml"], cwd=tree, capture_output=True, text=True, env={**os.environ, "LANG": "C", "NO_COLOR": "1"}
    )
    assert f"`{link}` leaves the config's folder" in out.stdout + out.stderr, out


def frame(body: bytes) -> bytes:
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def read_frame(out) -> dict:
    length = None
    while True:
        line = out.readline()
        assert line, "the server closed its output"
        line = line.strip()
        if not line:
            break
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":")[1])
    return json.loads(out.read(length))


def test_bad_frames_get_a_parse_error_and_the_server_goes_on():
    """Raw bytes, as no client library would send them."""
    init = json.dumps({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}).encode()
    bad = [b"{abc}", b'{"jsonrpc":"2.0","id":2,"method":"x","params":"\\ud800"}', b"[1]", b"\xff\xfe"]
    proc = subprocess.Popen([BIN, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        proc.stdin.write(frame(init))
        proc.stdin.flush()
        assert "result" in read_frame(proc.stdout)
        proc.stdin.write(frame(json.dumps({"jsonrpc": "2.0", "method": "initialized", "params": {}}).encode()))
        for body in bad:
            proc.stdin.write(frame(body))
            proc.stdin.flush()
            answer = read_frame(proc.stdout)
            assert answer["error"]["code"] == -32700 and answer["id"] is None, (body, answer)
        for header in [b"Content-Length: 3000000000\r\n\r\n", b"Content-Length: 18446744073709551615\r\n\r\n"]:
            proc.stdin.write(header)
            proc.stdin.flush()
            assert read_frame(proc.stdout)["error"]["code"] == -32700
        proc.stdin.write(frame(json.dumps({"jsonrpc": "2.0", "id": 3, "method": "shutdown"}).encode()))
        proc.stdin.write(frame(json.dumps({"jsonrpc": "2.0", "method": "exit"}).encode()))
        proc.stdin.close()
        assert read_frame(proc.stdout)["id"] == 3
        assert proc.wait(10) == 0
        assert proc.stderr.read() == b""
    finally:
        proc.kill()
