import { describe, expect, it } from 'vitest';
import { withCatalogMessage } from '../../src/catalog/catalog-message.js';
import { eventXmlToLogEvent } from '../../src/readers/xml-export/event-xml-to-log-event.js';
import { eventXml } from '../support/event-xml.js';

describe('withCatalogMessage', () => {
  it('fills the message of a known event without rendered text from its template', () => {
    const event = eventXmlToLogEvent(
      eventXml({
        eventId: 21126,
        level: 2,
        payload:
          '<Data>HV02</Data><Data>A cluster network is not available for this operation.</Data><Data>0x000013AB</Data>',
      }),
      0,
    );
    expect(event.message).toBeNull();
    expect(withCatalogMessage(event).message).toBe(
      "Failed to get the network address for the destination node 'HV02': A cluster network is not available for this operation. (0x000013AB).",
    );
  });

  it('keeps a rendered message and leaves unknown events alone', () => {
    const rendered = eventXmlToLogEvent(
      eventXml({ eventId: 21126, renderedMessage: 'Mensagem em português' }),
      0,
    );
    expect(withCatalogMessage(rendered).message).toBe('Mensagem em português');
    const unknown = eventXmlToLogEvent(eventXml({ provider: 'Contoso-Backup', eventId: 4 }), 0);
    expect(withCatalogMessage(unknown)).toBe(unknown);
  });
});
