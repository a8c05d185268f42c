import { ListItem } from '@tiptap/extension-list';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect, useId, useRef } from 'react';
import { ToggleButton } from 'react-aria-components';

import { cleanPastedHtml } from './word-paste';
import { docToMarkup, markupToDoc } from './markup-doc';
import { editorMessages as t } from './messages';

/**
 * The editor's schema is the product's markup: paragraphs, bullet lists and emphasis, nothing
 * else, so nothing can be typed or pasted that the printed document cannot show.
 */
const EXTENSIONS = [
  StarterKit.configure({
    blockquote: false,
    bold: false,
    code: false,
    codeBlock: false,
    hardBreak: false,
    heading: false,
    horizontalRule: false,
    link: false,
    orderedList: false,
    strike: false,
    underline: false,
    dropcursor: false,
    gapcursor: false,
    trailingNode: false,
    listItem: false,
  }),
  // Tab leaves the field, as everywhere else on the page (a keyboard user must be able to move
  // on); the markup's lists are one level deep, so there is nothing to indent.
  ListItem.extend({
    addKeyboardShortcuts() {
      return { Enter: () => this.editor.commands.splitListItem(this.name) };
    },
  }),
];

export interface RichTextFieldProps {
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  readonly value: string;
  readonly onChange: (markup: string) => void;
  readonly errors?: readonly string[];
}

/** A text part edited WYSIWYG in the product's markup, labelled like every other field. */
export function RichTextField({ id, label, description, value, onChange, errors = [] }: RichTextFieldProps) {
  const labelId = useId();
  const hintId = useId();
  const errorId = useId();
  const emitted = useRef(value);
  const describedBy = [description ? hintId : null, errors.length ? errorId : null].filter(Boolean).join(' ');
  const editor = useEditor({
    extensions: EXTENSIONS,
    content: markupToDoc(value),
    injectCSS: false,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: {
        id,
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': labelId,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(errors.length ? { 'aria-invalid': 'true' } : {}),
        class: 'rich-text__input',
      },
      transformPastedHTML: cleanPastedHtml,
    },
    onUpdate: ({ editor: e }) => {
      const markup = docToMarkup(e.getJSON());
      emitted.current = markup;
      onChange(markup);
    },
  });

  // A value from outside (a restored draft, the other version in a conflict) replaces the text.
  useEffect(() => {
    if (editor && value !== emitted.current) {
      emitted.current = value;
      editor.commands.setContent(markupToDoc(value), { emitUpdate: false });
    }
  }, [editor, value]);

  useEffect(() => {
    editor?.setOptions({
      editorProps: {
        ...editor.options.editorProps,
        attributes: {
          ...(editor.options.editorProps.attributes as Record<string, string>),
          'aria-describedby': describedBy,
          'aria-invalid': errors.length ? 'true' : 'false',
        },
      },
    });
  }, [editor, describedBy, errors.length]);

  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({ italic: e?.isActive('italic') ?? false, list: e?.isActive('bulletList') ?? false }),
  });

  return (
    <div className="field rich-text" data-invalid={errors.length ? true : undefined}>
      <span className="field__label" id={labelId}>
        {label}
      </span>
      {description ? (
        <span className="field__hint" id={hintId}>
          {description}
        </span>
      ) : null}
      {errors.length ? (
        <span className="field__error" id={errorId}>
          {errors.join(' ')}
        </span>
      ) : null}
      <div className="rich-text__toolbar" role="toolbar" aria-label={t.toolbar(label)}>
        <ToggleButton
          className="toggle"
          isSelected={state?.list ?? false}
          onChange={() => editor?.chain().focus().toggleBulletList().run()}
        >
          {t.bulletList}
        </ToggleButton>
        <ToggleButton
          className="toggle"
          isSelected={state?.italic ?? false}
          onChange={() => editor?.chain().focus().toggleItalic().run()}
        >
          <em>{t.emphasis}</em>
        </ToggleButton>
      </div>
      <EditorContent editor={editor} className="rich-text__frame" />
    </div>
  );
}
