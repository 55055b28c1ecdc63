package org.anju.care;

/**
 * A special list a person can be on (特殊人员): living alone (独居), empty nest (空巢), hardship
 * (困难), disabled (残疾), ill or in hospital (病患/住院), or one of the nine special categories
 * (九类特殊人员), whose sub-category a flag names in its own code.
 */
public enum SpecialList {

	LIVING_ALONE, EMPTY_NEST, HARDSHIP, DISABLED, NINE_SPECIAL, ILLNESS

}
