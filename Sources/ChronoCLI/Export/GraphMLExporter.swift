/// Writes a graph as GraphML (yEd, Gephi): node label/kind/family, edge relation/date/citations.
///
/// Format: http://graphml.graphdrawing.org/specification.html
public enum GraphMLExporter {
    /// The GraphML document.
    public static func export(_ graph: GraphModel) -> String {
        let e = XMLEscaping.escape
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<graphml xmlns="http://graphml.graphdrawing.org/xmlns""#
                + #" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance""#
                + #" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns"#
                + #" http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#,
            #"  <key id="label" for="node" attr.name="label" attr.type="string"/>"#,
            #"  <key id="kind" for="node" attr.name="kind" attr.type="string"/>"#,
            #"  <key id="family" for="node" attr.name="family" attr.type="string"/>"#,
            #"  <key id="relation" for="edge" attr.name="relation" attr.type="string"/>"#,
            #"  <key id="date" for="edge" attr.name="date" attr.type="string"/>"#,
            #"  <key id="citations" for="edge" attr.name="citations" attr.type="string"/>"#,
            #"  <graph id="chronograph" edgedefault="directed">"#,
        ]
        for node in graph.nodes {
            lines.append(#"    <node id="\#(e(node.id))">"#)
            lines.append(#"      <data key="label">\#(e(node.label))</data>"#)
            lines.append(#"      <data key="kind">\#(e(node.kind))</data>"#)
            lines.append(#"      <data key="family">\#(e(node.family))</data>"#)
            lines.append("    </node>")
        }
        for edge in graph.edges {
            lines.append(#"    <edge id="\#(e(edge.id))" source="\#(e(edge.source))" target="\#(e(edge.target))">"#)
            lines.append(#"      <data key="relation">\#(e(edge.relation))</data>"#)
            lines.append(#"      <data key="date">\#(e(edge.date))</data>"#)
            lines.append(#"      <data key="citations">\#(e(edge.citations))</data>"#)
            lines.append("    </edge>")
        }
        lines.append("  </graph>")
        lines.append("</graphml>")
        return lines.joined(separator: "\n") + "\n"
    }
}
