internal import FormationDomain
internal import FormationViews
internal import Foundation

/// The frame of every page of the board: navigation, the language switch, and a style sheet for a
/// cheap phone first (one column, large type, big tap targets) that also prints cleanly. No script.
enum BoardPage {
    static func render(title: String, language: Language, switchTo: String, body: String) -> String {
        func t(_ id: MessageID) -> String { HTML.escape(Message(id).text(language)) }
        let other = language.other
        let otherName = other == .es ? "Español" : "English"
        return """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTML.escape(title))</title>
        <style>\(style)</style>
        </head>
        <body>
        <header><nav>
        <a href="/">\(t(.webNowTitle))</a>
        <a href="/battles">\(t(.webBattles))</a>
        <a href="/people">\(t(.webPeople))</a>
        <a href="/curricula">\(t(.webCurricula))</a>
        <a class="lang" href="\(HTML.escape(switchTo))" hreflang="\(other.rawValue)" lang="\(other.rawValue)">\(otherName)</a>
        </nav></header>
        <main>
        \(body)
        </main>
        </body>
        </html>

        """
    }

    /// Inline, so that a page is one request on a slow network.
    static let style = """
    body{font-family:"DejaVu Sans",Arial,sans-serif;margin:0;color:#111;background:#fff;line-height:1.4;font-size:17px}
    header{background:#7a1f1f;padding:.3em .5em}
    nav a{color:#fff;display:inline-block;padding:.5em .4em;text-decoration:none;font-weight:bold}
    nav a.lang{float:right;font-weight:normal;text-decoration:underline}
    main{padding:.6em .8em;max-width:60em;margin:0 auto}
    h1{font-size:1.4em;margin:.3em 0}h2{font-size:1.15em;margin:1em 0 .3em}h3{font-size:1.05em;margin:.8em 0 .3em}
    .meta{color:#333;margin:.1em 0}.small{font-size:.85em;color:#444}
    table{border-collapse:collapse;width:100%;margin-top:.4em}
    th,td{border:1px solid #999;padding:.35em .45em;text-align:left;vertical-align:top}
    th{background:#eee}
    .card{border:2px solid #7a1f1f;border-radius:.4em;padding:.5em .7em;margin:.6em 0}
    .card .place{font-size:1.3em;font-weight:bold}
    .now{font-size:1.2em}.label{display:inline-block;min-width:4.5em;font-weight:bold;color:#7a1f1f}
    form.inline{display:inline}
    input,button,select{font-size:1em;padding:.45em .6em;margin:.2em 0}
    button{min-height:2.6em;min-width:5em}
    .ok{background:#e8f5e9;border:1px solid #2e7d32;padding:.4em .6em}
    .error{background:#fdecea;border:1px solid #b71c1c;padding:.4em .6em}
    ul.list li{margin:.35em 0}
    svg{max-width:100%;height:auto}
    @media (min-width:50em){body{font-size:16px}}
    @media print{header,form,.lang{display:none}main{max-width:none}a{color:#111;text-decoration:none}.card{break-inside:avoid}tr{break-inside:avoid}}
    """
}
