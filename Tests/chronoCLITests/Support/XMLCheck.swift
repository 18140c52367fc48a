import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses an XML document with `XMLParser` and counts its elements by name.
final class XMLCheck: NSObject, XMLParserDelegate {
    /// Elements seen, by name.
    private(set) var counts: [String: Int] = [:]
    /// Attributes of every element seen, in order, with the element name.
    private(set) var elements: [(name: String, attributes: [String: String])] = []
    /// Text of elements, concatenated per element in order.
    private(set) var text = ""

    /// Parses `document`; returns `nil` when it is not well-formed XML.
    static func parse(_ document: String) -> XMLCheck? {
        let check = XMLCheck()
        let parser = XMLParser(data: Data(document.utf8))
        parser.delegate = check
        return parser.parse() ? check : nil
    }

    func parser(
        _ parser: XMLParser,
        didStartElement elementName: String,
        namespaceURI: String?,
        qualifiedName qName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        self.counts[elementName, default: 0] += 1
        self.elements.append((elementName, attributeDict))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        self.text += string
    }
}
