import type { JSX } from 'react';

import { InlineImageNode } from '../../../shared/body/lexical/InlineImageNode';
import { InlineImageComponent } from './InlineImageComponent';

/** The body's image as the editor draws it: the picture, with its caption and credit edited in place. */
export class EditorInlineImageNode extends InlineImageNode {
  override $config() {
    return this.config('inline-image', { extends: InlineImageNode });
  }

  override decorate(): JSX.Element {
    return <InlineImageComponent nodeKey={this.getKey()} {...this.getPayload()} />;
  }
}
