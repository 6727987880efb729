import FormationDomain

/// libxml2 words its errors in English only. The common ones — the mistakes people make typing or
/// saving XML by hand, and what the schema says of them — are recognised here by their (stable)
/// English text and said again through the catalogue, so a Spanish reader reads Spanish. Anything
/// not recognised keeps libxml2's own text, which is better than nothing.
enum LibXML2Wording {
    /// What the parser said (already made safe by `IssueCollector.describe`), as a message argument.
    static func parser(_ text: String) -> Message.Argument {
        if let match = text.wholeMatch(of: /Opening and ending tag mismatch: (\S+) line (\d+) and (\S+)/) {
            return .message(Message(.xmlTagMismatch, String(match.1), String(match.3), String(match.2)))
        }
        if text.hasPrefix("Input is not proper UTF-8") || text.hasPrefix("Document labelled UTF-16 but has UTF-8 content") {
            return .message(Message(.xmlNotUTF8))
        }
        if let match = text.wholeMatch(of: /Premature end of data in tag (\S+) line (\d+)/) {
            return .message(Message(.xmlUnclosedTag, String(match.1), String(match.2)))
        }
        if let match = text.wholeMatch(of: /Couldn't find end of Start Tag (\S+) line (\d+)/) {
            return .message(Message(.xmlStartTagUnclosed, String(match.1), String(match.2)))
        }
        if let match = text.wholeMatch(of: /Attribute (\S+) redefined/) {
            return .message(Message(.xmlAttributeTwice, String(match.1)))
        }
        if let match = text.wholeMatch(of: /Specification mandates value for attribute (\S+)/) {
            return .message(Message(.xmlAttributeWithoutValue, String(match.1)))
        }
        if let match = text.wholeMatch(of: /Namespace prefix (\S+) on (\S+) is not defined/) {
            return .message(Message(.xmlUndefinedPrefix, String(match.1), String(match.2)))
        }
        switch text {
        case IssueCollector.entitiesRefused: return .message(Message(.xmlEntitiesRefused))
        case "Extra content at the end of the document": return .message(Message(.xmlExtraContent))
        case "Document is empty": return .message(Message(.xmlEmptyDocument))
        case "AttValue: \" or ' expected": return .message(Message(.xmlAttributeUnquoted))
        case "StartTag: invalid element name": return .message(Message(.xmlInvalidElementName))
        default: return .text(text)
        }
    }

    /// What the schema validator said: `Element 'x'[, attribute 'y']: what is wrong`.
    static func schema(_ text: String) -> Message.Argument {
        if let match = text.wholeMatch(of: /Element '([^']+)', attribute '([^']+)': (.+)/) {
            return .message(Message(.xmlSchemaAtAttribute, arguments: [.text(String(match.1)), .text(String(match.2)), complaint(String(match.3))]))
        }
        if let match = text.wholeMatch(of: /Element '([^']+)': (.+)/) {
            return .message(Message(.xmlSchemaAt, arguments: [.text(String(match.1)), complaint(String(match.2))]))
        }
        return complaint(text)
    }

    /// The part after the element's name.
    private static func complaint(_ text: String) -> Message.Argument {
        if let match = text.wholeMatch(of: /The attribute '([^']+)' is required but missing\./) {
            return .message(Message(.xmlSchemaMissingAttribute, String(match.1)))
        }
        if let match = text.wholeMatch(of: /The attribute '([^']+)' is not allowed\./) {
            return .message(Message(.xmlSchemaAttributeNotAllowed, String(match.1)))
        }
        if text == "This element is not expected." { return .message(Message(.xmlSchemaUnexpected)) }
        if let match = text.wholeMatch(of: /This element is not expected\. Expected is (?:one of )?\( (.+) \)\./) {
            return .message(Message(.xmlSchemaUnexpectedExpecting, String(match.1)))
        }
        if let match = text.wholeMatch(of: /Missing child element\(s\)\. Expected is (?:one of )?\( (.+) \)\./) {
            return .message(Message(.xmlSchemaMissingChild, String(match.1)))
        }
        if let match = text.wholeMatch(of: /\[facet 'enumeration'\] The value '(.*)' is not an element of the set (\{.*\})\./) {
            return .message(Message(.xmlSchemaNotInSet, String(match.1), String(match.2)))
        }
        if let match = text.wholeMatch(of: /\[facet 'pattern'\] The value '(.*)' is not accepted by the pattern '(.*)'\./) {
            switch match.2 {
            case #"[\s\S]*\S[\s\S]*"#: return .message(Message(.xmlSchemaEmptyText))   // a text that must not be blank
            case #"[a-z0-9][a-z0-9.\-]{0,63}"#: return .message(Message(.malformedIdentifier, String(match.1)))
            default: return .message(Message(.xmlSchemaPattern, String(match.1)))
            }
        }
        if let match = text.wholeMatch(of: /\[facet 'maxLength'\] The value has a length of '(\d+)'; this exceeds the allowed maximum length of '(\d+)'\./) {
            return .message(Message(.xmlSchemaTooLong, String(match.1), String(match.2)))
        }
        if let match = text.wholeMatch(of: /\[facet 'min(?:In|Ex)clusive'\] The value '(.*)' is less than (?:or equal to )?the minimum value allowed \('(.*)'\)\./) {
            return .message(Message(.xmlSchemaTooSmall, String(match.1), String(match.2)))
        }
        if let match = text.wholeMatch(of: /\[facet 'max(?:In|Ex)clusive'\] The value '(.*)' is greater than (?:or equal to )?the maximum value allowed \('(.*)'\)\./) {
            return .message(Message(.xmlSchemaTooLarge, String(match.1), String(match.2)))
        }
        if let match = text.wholeMatch(of: /'(.*)' is not a valid value of the (?:local )?atomic type(?: '(.*)')?\./) {
            return .message(Message(.xmlSchemaBadValue, String(match.1), match.2.map(String.init) ?? "xs:string"))
        }
        if text.hasPrefix("Character content other than whitespace is not allowed") { return .message(Message(.xmlSchemaTextNotAllowed)) }
        if text.hasPrefix("[facet 'minLength'] The value has a length of '0'") { return .message(Message(.xmlSchemaEmptyText)) }
        return .text(text)
    }
}
