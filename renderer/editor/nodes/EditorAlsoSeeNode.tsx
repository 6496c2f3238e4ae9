import type { JSX } from 'react';

import { AlsoSeeNode } from '../../../shared/body/lexical/AlsoSeeNode';
import { AlsoSeeComponent } from './AlsoSeeComponent';

/** The body's Also See as the editor draws it: the linked story's current headline, or the story elsewhere. */
export class EditorAlsoSeeNode extends AlsoSeeNode {
  override $config() {
    return this.config('also-see', { extends: AlsoSeeNode });
  }

  override decorate(): JSX.Element {
    return (
      <AlsoSeeComponent
        nodeKey={this.getKey()}
        articleId={this.__articleId}
        url={this.__url}
        headline={this.__headline}
      />
    );
  }
}
