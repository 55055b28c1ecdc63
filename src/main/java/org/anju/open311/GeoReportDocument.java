package org.anju.open311;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.MediaType;

/**
 * One GeoReport answer, written as XML or as the JSON that the spec derives from it by
 * the Spark convention: the XML root disappears, a list of repeated elements
 * ({@code <services><service>..}) becomes an array, and an element with children becomes
 * an object. Building the answer once and writing it twice keeps both formats in step.
 */
record GeoReportDocument(String root, Node body) {

	/** The two formats of the spec, named by the resource's extension. */
	enum Format {

		JSON(new MediaType("application", "json")), XML(new MediaType("text", "xml"));

		private final MediaType mediaType;

		Format(MediaType mediaType) {
			this.mediaType = mediaType;
		}

		/**
		 * @return the MIME type, as service discovery lists it
		 */
		String mimeType() {
			return this.mediaType.toString();
		}

		/**
		 * @return the content type of an answer, which the spec wants in UTF-8
		 */
		MediaType mediaType() {
			return new MediaType(this.mediaType, StandardCharsets.UTF_8);
		}

		/**
		 * XML is the format the spec requires, so anything but {@code json} gets it.
		 */
		static Format of(@Nullable String extension) {
			return "json".equalsIgnoreCase(extension) ? JSON : XML;
		}

	}

	/** A part of an answer. */
	sealed interface Node permits Value, Struct, Items {

	}

	/** A text, number or boolean; {@literal null} is written as an empty element. */
	record Value(@Nullable Object value) implements Node {
	}

	/** An element with named children, in order. */
	record Struct(Map<String, Node> fields) implements Node {

		static Builder builder() {
			return new Builder();
		}

		/** Adds fields in the order the spec lists them. */
		static final class Builder {

			private final Map<String, Node> fields = new LinkedHashMap<>();

			Builder add(String name, @Nullable Object value) {
				this.fields.put(name, (value instanceof Node node) ? node : new Value(value));
				return this;
			}

			Struct build() {
				return new Struct(this.fields);
			}

		}

	}

	/** Repeated elements of one name, such as each {@code <request>}. */
	record Items(String itemName, List<? extends Node> items) implements Node {
	}

	String write(Format format, ObjectMapper json) {
		return (format == Format.JSON) ? json.writeValueAsString(toJson(this.body, json)) : toXml();
	}

	private static JsonNode toJson(Node node, ObjectMapper json) {
		if (node instanceof Struct struct) {
			ObjectNode object = json.createObjectNode();
			struct.fields().forEach((name, child) -> object.set(name, toJson(child, json)));
			return object;
		}
		if (node instanceof Items items) {
			ArrayNode array = json.createArrayNode();
			items.items().forEach((child) -> array.add(toJson(child, json)));
			return array;
		}
		Object value = ((Value) node).value();
		return (value != null) ? json.valueToTree(value) : json.getNodeFactory().nullNode();
	}

	private String toXml() {
		// the spec asks for this declaration, with double quotes, which StAX does not
		// write
		StringWriter text = new StringWriter().append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
		try {
			XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
			element(xml, this.root, this.body);
			xml.writeEndDocument();
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException(ex);
		}
		return text.toString();
	}

	private static void element(XMLStreamWriter xml, String name, Node node) throws XMLStreamException {
		if (node instanceof Value value && value.value() == null) {
			xml.writeEmptyElement(name);
			return;
		}
		xml.writeStartElement(name);
		if (node instanceof Struct struct) {
			for (Map.Entry<String, Node> field : struct.fields().entrySet()) {
				element(xml, field.getKey(), field.getValue());
			}
		}
		else if (node instanceof Items items) {
			for (Node item : items.items()) {
				element(xml, items.itemName(), item);
			}
		}
		else {
			xml.writeCharacters(String.valueOf(((Value) node).value()));
		}
		xml.writeEndElement();
	}

}
