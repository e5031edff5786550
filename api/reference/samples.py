"""Code samples for an endpoint in five languages, built from its description.

Every sample is generated here from the same `Endpoint` (method, URL, example
body), so no sample is copied by hand and none can drift from the others.
"""

import json
import shlex
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode

from api.reference.model import Endpoint

PLACEHOLDER_KEY = "YOURAPIKEY"


@dataclass(frozen=True)
class Call:
    """What a sample sends: everything the five languages need."""

    method: str
    url: str
    headers: tuple[tuple[str, str], ...]
    body: str  # pretty-printed JSON, or "" for none
    upload: str  # a file name whose bytes are the body, or ""


@dataclass(frozen=True)
class Sample:
    language: str  # an id: curl, php, node, python, csharp
    label: str
    code: str


def call_for(endpoint: Endpoint, base_url: str, key: str) -> Call:
    """The example request of `endpoint`, against `base_url`, with `key`."""
    query = dict(endpoint.query)
    headers: list[tuple[str, str]] = []
    if endpoint.key_in_query:
        query = {"key": key, **query}
    else:
        headers.append(("Authorization", f"Bearer {key}"))
    body = ""
    if endpoint.request is not None:
        headers.append(("Content-Type", "application/json"))
        body = json.dumps(endpoint.request, indent=2)
    elif endpoint.upload:
        headers.append(("Content-Type", "application/octet-stream"))
    url = base_url.rstrip("/") + endpoint.path
    if endpoint.upload:
        url = url.replace(":filename", endpoint.upload)
    if query:
        url += "?" + urlencode(query, safe=":/", quote_via=quote)
    return Call(endpoint.method, url, tuple(headers), body, endpoint.upload)


def indent(text: str, prefix: str) -> str:
    """Indent every line of `text` but the first (it follows code already)."""
    return text.replace("\n", "\n" + prefix)


def curl(call: Call) -> str:
    lines = [f"curl -X {call.method} {shlex.quote(call.url)}"]
    lines += [f"-H {shlex.quote(f'{name}: {value}')}" for name, value in call.headers]
    if call.body:
        lines.append(f"-d {shlex.quote(call.body)}")
    elif call.upload:
        lines.append(f"--data-binary @{shlex.quote(call.upload)}")
    return " \\\n  ".join(lines)


def php_string(value: str) -> str:
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


def php(call: Call) -> str:
    headers = "".join(
        f"\n        {php_string(f'{name}: {value}')}," for name, value in call.headers
    )
    options = [
        f"CURLOPT_URL => {php_string(call.url)},",
        "CURLOPT_RETURNTRANSFER => true,",
        f"CURLOPT_CUSTOMREQUEST => {php_string(call.method)},",
        f"CURLOPT_HTTPHEADER => [{headers}\n    ],",
    ]
    if call.body:
        # A nowdoc: the JSON goes in as written, nothing in it is interpolated.
        options.append(f"CURLOPT_POSTFIELDS => <<<'JSON'\n{call.body}\nJSON,")
    elif call.upload:
        options.append(
            f"CURLOPT_POSTFIELDS => file_get_contents({php_string(call.upload)}),"
        )
    body = "".join(f"\n    {option}" for option in options)
    return (
        "<?php\n"
        "$curl = curl_init();\n"
        f"curl_setopt_array($curl, [{body}\n]);\n"
        "$response = curl_exec($curl);\n"
        "curl_close($curl);\n"
        "echo $response;"
    )


def node(call: Call) -> str:
    headers = "".join(
        f"\n    {json.dumps(name)}: {json.dumps(value)},"
        for name, value in call.headers
    )
    options = [f"method: {json.dumps(call.method)},", f"headers: {{{headers}\n  }},"]
    prelude = ""
    if call.body:
        options.append(f"body: JSON.stringify({indent(call.body, '  ')}),")
    elif call.upload:
        prelude = 'const fs = require("node:fs");\n\n'
        options.append(f"body: fs.readFileSync({json.dumps(call.upload)}),")
    body = "".join(f"\n  {option}" for option in options)
    return (
        f"{prelude}fetch({json.dumps(call.url)}, {{{body}\n}})\n"
        "  .then((response) => response.json())\n"
        "  .then((data) => console.log(data));"
    )


def python_literal(value: Any, level: int = 0) -> str:
    """`value` (JSON data) as Python source, indented by four spaces a level."""
    pad, inner = "    " * level, "    " * (level + 1)
    if isinstance(value, dict) and value:
        items = [
            f"{inner}{json.dumps(k)}: {python_literal(v, level + 1)},"
            for k, v in value.items()
        ]
        return "{\n" + "\n".join(items) + f"\n{pad}}}"
    if isinstance(value, list) and value:
        items = [f"{inner}{python_literal(v, level + 1)}," for v in value]
        return "[\n" + "\n".join(items) + f"\n{pad}]"
    if isinstance(value, bool):
        return str(value)
    if value is None:
        return "None"
    return json.dumps(value)


def python(call: Call) -> str:
    headers = {name: value for name, value in call.headers if name != "Content-Type"}
    arguments = [json.dumps(call.url), f"headers={python_literal(headers, 1)}"]
    prelude = "import requests\n"
    if call.body:
        arguments.append(f"json={python_literal(json.loads(call.body), 1)}")
    elif call.upload:
        prelude = "from pathlib import Path\n\nimport requests\n"
        arguments.append(f"data=Path({json.dumps(call.upload)}).read_bytes()")
    body = "".join(f"\n    {argument}," for argument in arguments)
    return (
        f"{prelude}\n"
        f"response = requests.{call.method.lower()}({body}\n)\n"
        "print(response.json())"
    )


def csharp(call: Call) -> str:
    method = call.method.capitalize()
    lines = [
        "using System.Net.Http;",
        "",
        "using var client = new HttpClient();",
        "using var request = new HttpRequestMessage("
        f"HttpMethod.{method}, {json.dumps(call.url)});",
    ]
    for name, value in call.headers:
        if name != "Content-Type":
            lines.append(
                f"request.Headers.Add({json.dumps(name)}, {json.dumps(value)});"
            )
    if call.body:
        # A raw string literal: longer quote runs than any in the JSON.
        quotes = '"' * max(3, longest_run(call.body, '"') + 1)
        lines[1:1] = ["using System.Text;"]
        lines.append(
            f"request.Content = new StringContent({quotes}\n{call.body}\n{quotes}, "
            'Encoding.UTF8, "application/json");'
        )
    elif call.upload:
        lines[1:1] = ["using System.IO;"]
        lines.append(
            "request.Content = new ByteArrayContent("
            f"File.ReadAllBytes({json.dumps(call.upload)}));"
        )
    lines += [
        "using var response = await client.SendAsync(request);",
        "Console.WriteLine(await response.Content.ReadAsStringAsync());",
    ]
    return "\n".join(lines)


def longest_run(text: str, char: str) -> int:
    longest = current = 0
    for c in text:
        current = current + 1 if c == char else 0
        longest = max(longest, current)
    return longest


LANGUAGES: tuple[tuple[str, str, Callable[[Call], str]], ...] = (
    ("curl", "cURL", curl),
    ("php", "PHP", php),
    ("node", "Node.js", node),
    ("python", "Python", python),
    ("csharp", "C#", csharp),
)


def samples(endpoint: Endpoint, base_url: str, key: str = "") -> list[Sample]:
    """The endpoint's example request in every language, signed with `key`."""
    call = call_for(endpoint, base_url, key or PLACEHOLDER_KEY)
    return [Sample(lang, label, write(call)) for lang, label, write in LANGUAGES]
