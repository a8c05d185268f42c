import { type Actor, Db, hasRole, Role } from '@app/platform';
import { Injectable } from '@nestjs/common';

import { isWithheldFrom, SECRET_COUNTERPART, secretTitle } from '../document/secrecy.js';
import type { DocumentDirection, RegistrySearchResult } from '../registry.views.js';
import { searchPattern } from './search-text.js';

/** The most hits of each kind one search returns: the best first. */
const MAX_HITS = 50;

interface CaseRow {
  id: string;
  diary_number: string;
  title: string;
  counterpart: string | null;
  status: 'open' | 'closed';
  registered_on: string;
}

interface DocumentRow {
  id: string;
  case_id: string;
  organisation_id: string;
  diary_number: string;
  document_number: string;
  title: string;
  counterpart: string | null;
  direction: DocumentDirection;
  registered_on: string;
  secrecy_ground: string | null;
  responsible_person_id: string | null;
  excerpt: string | null;
}

/**
 * The registry's one search, as the search screen asks it: by diary number, whole or in part
 * (`578`, `HÄ 2025/578`, `2025/578-3`), and by words — stemmed by Swedish rules (`remissvar`
 * finds `remissvaren`), folded as `search_fold` folds them — in case titles, counterparts and
 * descriptions, and in documents' titles, counterparts and the text of their files. A secret
 * document is found by its words only by those who may read it (`isWithheldFrom`); anyone else
 * finds it by its number alone, with its title and counterpart withheld and no excerpt.
 */
@Injectable()
export class RegistrySearchService {
  constructor(private readonly db: Db) {}

  async search(actor: Actor, query: string, limit = 20): Promise<RegistrySearchResult> {
    const q = query.trim();
    if (actor.kind !== 'person' || q === '') {
      return { cases: [], documents: [] };
    }
    const take = Math.min(Math.max(limit, 1), MAX_HITS);
    // A number is matched as written, part or whole; words by the text index. Diary numbers are
    // stored and typed in Unicode form C, so lower() is all the folding they need. Each way of
    // finding is its own branch of a UNION, so that the words use their index and the numbers
    // scan only the case numbers.
    const numberPattern = /\d/.test(q) ? searchPattern(q.toLowerCase()) : null;
    // A document's number is its case's, a separator and its own: its case's number holds the
    // query without a trailing "-3".
    const casePattern = numberPattern ? searchPattern(q.toLowerCase().replace(/[^\p{L}\p{N}]\d+$/u, '')) : null;
    const seeAll = hasRole(actor, Role.Registrar);
    const words = `plainto_tsquery('swedish', search_fold($2))`;
    const cases = await this.db.reader.query<CaseRow[]>(
      `SELECT c.id, c.diary_number, c.title, c.counterpart, c.status,
              to_char(c.registered_on, 'YYYY-MM-DD') AS registered_on
       FROM cases c
       WHERE c.id IN (
         SELECT id FROM cases
         WHERE organisation_id = $1 AND registry_search_vector(title, counterpart, description) @@ ${words}
         ${
           numberPattern
             ? `UNION SELECT id FROM cases WHERE organisation_id = $1
                  AND (lower(diary_number) LIKE $4 ESCAPE '\\' OR lower(linked_diary_number) LIKE $4 ESCAPE '\\')`
             : ''
         })
       ORDER BY lower(c.diary_number) = lower($2) DESC, c.registered_at DESC
       LIMIT $3`,
      [actor.organisationId, q, take, ...(numberPattern ? [numberPattern] : [])],
    );
    const documents = await this.db.reader.query<DocumentRow[]>(
      `SELECT h.*,
              CASE WHEN h.by_words AND (h.secrecy_ground IS NULL OR $4 OR h.responsible_person_id = $5)
                   THEN ts_headline('swedish', d.content_text, ${words},
                                    'MaxWords=30, MinWords=12, MaxFragments=1, StartSel=«, StopSel=»')
              END AS excerpt
       FROM (
         SELECT d.id, d.case_id, d.organisation_id, c.diary_number,
                c.diary_number || c.document_separator || d.number AS document_number,
                d.title, d.counterpart, d.direction, to_char(d.registered_on, 'YYYY-MM-DD') AS registered_on,
                d.secrecy_ground, c.responsible_person_id, d.registered_at,
                lower(c.diary_number || c.document_separator || d.number) = lower($2) AS exact,
                registry_search_vector(d.title, d.counterpart, d.content_text) @@ ${words} AS by_words
         FROM registered_documents d JOIN cases c ON c.id = d.case_id
         WHERE d.annulled_at IS NULL AND d.id IN (
           SELECT d.id FROM registered_documents d JOIN cases c ON c.id = d.case_id
           WHERE d.organisation_id = $1
             AND registry_search_vector(d.title, d.counterpart, d.content_text) @@ ${words}
             AND (d.secrecy_ground IS NULL OR $4 OR c.responsible_person_id = $5)
           ${
             numberPattern
               ? `UNION SELECT d.id FROM cases c JOIN registered_documents d ON d.case_id = c.id
                    WHERE c.organisation_id = $1 AND lower(c.diary_number) LIKE $7 ESCAPE '\\'
                      AND lower(c.diary_number || c.document_separator || d.number) LIKE $6 ESCAPE '\\'`
               : ''
           })
         ORDER BY exact DESC, d.registered_at DESC
         LIMIT $3) h
       JOIN registered_documents d ON d.id = h.id
       ORDER BY h.exact DESC, h.registered_at DESC`,
      [actor.organisationId, q, take, seeAll, actor.personId, ...(numberPattern ? [numberPattern, casePattern] : [])],
    );
    return {
      cases: cases.map((c) => ({
        id: c.id,
        diaryNumber: c.diary_number,
        title: c.title,
        counterpart: c.counterpart,
        status: c.status,
        registeredOn: c.registered_on,
      })),
      documents: documents.map((d) => {
        const withheld = isWithheldFrom(actor, {
          organisationId: d.organisation_id,
          secrecyGround: d.secrecy_ground,
          responsiblePersonId: d.responsible_person_id,
        });
        return {
          id: d.id,
          caseId: d.case_id,
          diaryNumber: d.diary_number,
          documentNumber: d.document_number,
          title: withheld && d.secrecy_ground ? secretTitle(d.secrecy_ground) : d.title,
          counterpart: withheld && d.counterpart ? SECRET_COUNTERPART : d.counterpart,
          direction: d.direction,
          registeredOn: d.registered_on,
          secret: d.secrecy_ground !== null,
          excerpt: withheld ? null : d.excerpt,
        };
      }),
    };
  }
}
