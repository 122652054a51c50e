/**
 * Preferences: what a person who agreed to hear from us wants to hear about, and how often — topics, favourite
 * categories and brands, a weekly message cap, quiet hours and the language of messages. These are wishes,
 * not legal consent: they narrow what consent allows and never widen it. They are encrypted with the
 * subject's own key. {@link com.consento.preferences.PreferenceService#preferences} is the API campaigns use.
 * The package also owns the prompt rule (NDSR-22e): which consents a channel may ask for now, holding back a
 * purpose for a cooldown after the person refused or withdrew it ({@link com.consento.preferences.PromptService}).
 */
package com.consento.preferences;
