extension String {
    /// Longest a value typed or read from a file is echoed in a message, in Unicode scalars.
    public static let echoLimit = 80

    /// The value as a message quotes it: whole when short, else its first scalars and "…", so an
    /// error never repeats a 100 KB argument. Cut between scalars, not `Character`s: one grapheme
    /// cluster can be a letter and a hundred thousand combining marks.
    public var echoed: String {
        let scalars = unicodeScalars
        guard scalars.count > Self.echoLimit else { return self }
        var cut = String(String.UnicodeScalarView(scalars.prefix(Self.echoLimit - 1)))
        cut += "…"
        return cut
    }
}
