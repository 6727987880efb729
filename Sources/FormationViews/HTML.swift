public import FormationUseCases

/// The HTML pages we print (sign-in sheets, learning records, reports); their text is escaped by
/// `HTMLText` (per Unicode scalar).
public enum HTML {
    public static func escape(_ text: String) -> String { HTMLText.escape(text) }

    /// A whole self-contained page: inline CSS for screen and print, no external assets.
    ///
    /// - Parameter style: CSS of this page, after the shared rules (so it may override them).
    public static func page(title: String, language: String, body: String, style: String = "") -> String {
        """
        <!DOCTYPE html>
        <html lang="\(escape(language))">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>
        body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 1.5cm; color: #111; }
        h1 { font-size: 1.4em; margin: 0 0 .2em; }
        h2 { font-size: 1.1em; margin: 1.2em 0 .4em; }
        .meta { color: #333; margin: .1em 0; }
        table { border-collapse: collapse; width: 100%; margin-top: .6em; }
        th, td { border: 1px solid #444; padding: .35em .5em; text-align: left; vertical-align: top; }
        th { background: #eee; }
        .small { font-size: .85em; color: #444; }
        @media print { body { margin: 1cm; } tr { page-break-inside: avoid; } }
        \(style)
        </style>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }
}
