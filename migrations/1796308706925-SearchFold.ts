import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `search_fold(text)`: text as the registry's search compares it. Compatibility forms and case
 * fold away (NFKC, lower case); accents fold away too (`Kalderaš` → `kalderas`, `Crème` →
 * `creme`), but by Swedish rules of our own: å, ä and ö are letters of their own and stay (and
 * æ, ø fold to ä, ö as a Swedish reader takes them). PostgreSQL's `unaccent` would fold å to a,
 * so it is not used. Whatever form a text was stored in (composed or decomposed), both sides of a
 * comparison come out the same.
 */
export class SearchFold1796308706925 implements MigrationInterface {
  name = 'SearchFold1796308706925';

  async up(queryRunner: QueryRunner): Promise<void> {
    // å, ä and ö stand in for three private-use characters while the accents are stripped.
    await queryRunner.query(String.raw`
      CREATE FUNCTION search_fold(value text) RETURNS text
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT translate(
          regexp_replace(
            normalize(
              translate(lower(normalize(value, NFKC)), 'åäöæøđłı', E'\uE000\uE001\uE002\uE001\uE002dli'),
              NFD
            ),
            '[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]', '', 'g'
          ),
          E'\uE000\uE001\uE002', 'åäö'
        )
      $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION search_fold(text)`);
  }
}
