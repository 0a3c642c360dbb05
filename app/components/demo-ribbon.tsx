/** The ribbon's words, translated on the server (root loader): no browser catalogue carries them. */
export type DemoRibbonWords = { title: string; body: string };

/**
 * The bar at the top of every page of the demo (APP_MODE=demo, docs/decisions/040): nobody should take the
 * demo for a real service, nor type a real person's details into it. Plain HTML, no script; a labelled
 * landmark of its own (so it is announced and nothing sits outside a landmark), before the header, wrapping
 * at 360 px. Its words arrive in the root loader's data, in the visitor's language, so that every public
 * page's JavaScript stays within its budget (decision 035).
 */
export function DemoRibbon({ words }: { words: DemoRibbonWords }) {
  return (
    <aside className="demo-ribbon" aria-label={words.title} data-demo-ribbon>
      <p className="container demo-ribbon__text">
        <strong>{`${words.title}:`}</strong> {words.body}
      </p>
    </aside>
  );
}
