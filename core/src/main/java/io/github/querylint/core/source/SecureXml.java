package io.github.querylint.core.source;

import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;

/**
 * The one way QueryLint reads XML written by strangers (mapper files, JPA mappings, Liquibase
 * changelogs): no external entity, external DTD or XInclude is ever read, so a file cannot make
 * the run read another file or touch the network (XXE), and entity expansion is bounded (billion
 * laughs). A {@code <!DOCTYPE>} is allowed, because every MyBatis mapper carries one, but its DTD
 * is never loaded.
 */
public final class SecureXml {

    private SecureXml() {
    }

    /**
     * The base of QueryLint's SAX handlers: it keeps the document locator (for the lines findings
     * point at) and answers every entity with an empty text, a second guard besides the factory's
     * features.
     */
    public abstract static class Handler extends org.xml.sax.helpers.DefaultHandler {
        /** Where the parser is; null until the parser gives it (some never do). */
        protected Locator locator;

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public InputSource resolveEntity(String publicId, String systemId) {
            return new InputSource(new StringReader("")); // never read an external entity or DTD
        }
    }

    /**
     * A SAX factory with external entities, external DTDs and XInclude off and secure processing
     * on. It is the JDK's built-in parser ({@code newDefaultInstance}), whatever else is on the
     * class path (a Maven plugin's class loader may carry an old Xerces that ignores JAXP's limits).
     */
    public static SAXParserFactory saxParserFactory() {
        SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
        factory.setNamespaceAware(false);
        factory.setValidating(false);
        factory.setXIncludeAware(false);
        try {
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            // explicit secure processing also sets accessExternalDTD and accessExternalSchema to "" (no protocol)
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (ParserConfigurationException | SAXNotRecognizedException | SAXNotSupportedException e) {
            // the JDK's parser knows all of these; refusing to parse is safer than parsing insecurely
            throw new IllegalStateException("the XML parser cannot be made safe against external entities: " + e, e);
        }
        return factory;
    }
}
