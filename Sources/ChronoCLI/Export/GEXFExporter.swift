/// Writes a graph as GEXF 1.3 (Gephi): node kind/family attributes, edge relation/date/citations.
///
/// Format: https://gexf.net/schema.html
public enum GEXFExporter {
    /// The GEXF document.
    public static func export(_ graph: GraphModel) -> String {
        let e = XMLEscaping.escape
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<gexf xmlns="http://gexf.net/1.3" version="1.3">"#,
            "  <meta>",
            "    <creator>chrono</creator>",
            "    <description>Chronograph: migration in Azerbaijan</description>",
            "  </meta>",
            #"  <graph defaultedgetype="directed" mode="static">"#,
            #"    <attributes class="node">"#,
            #"      <attribute id="kind" title="kind" type="string"/>"#,
            #"      <attribute id="family" title="family" type="string"/>"#,
            "    </attributes>",
            #"    <attributes class="edge">"#,
            #"      <attribute id="date" title="date" type="string"/>"#,
            #"      <attribute id="citations" title="citations" type="string"/>"#,
            "    </attributes>",
            "    <nodes>",
        ]
        for node in graph.nodes {
            lines.append(#"      <node id="\#(e(node.id))" label="\#(e(node.label))">"#)
            lines.append("        <attvalues>")
            lines.append(#"          <attvalue for="kind" value="\#(e(node.kind))"/>"#)
            lines.append(#"          <attvalue for="family" value="\#(e(node.family))"/>"#)
            lines.append("        </attvalues>")
            lines.append("      </node>")
        }
        lines.append("    </nodes>")
        lines.append("    <edges>")
        for edge in graph.edges {
            lines.append(
                #"      <edge id="\#(e(edge.id))" source="\#(e(edge.source))" target="\#(e(edge.target))""#
                    + #" label="\#(e(edge.relation))">"#
            )
            lines.append("        <attvalues>")
            lines.append(#"          <attvalue for="date" value="\#(e(edge.date))"/>"#)
            lines.append(#"          <attvalue for="citations" value="\#(e(edge.citations))"/>"#)
            lines.append("        </attvalues>")
            lines.append("      </edge>")
        }
        lines.append("    </edges>")
        lines.append("  </graph>")
        lines.append("</gexf>")
        return lines.joined(separator: "\n") + "\n"
    }
}
