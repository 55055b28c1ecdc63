package org.anju.care;

/**
 * What a death leaves to do for the survivors: the funeral subsidy (丧葬补助), the survivor's
 * pension (遗属待遇), stopping the pension (停发养老金) and condolences (慰问).
 */
public enum SurvivorItem {

	FUNERAL_SUBSIDY, SURVIVOR_PENSION, STOP_PENSION, CONDOLENCE

}
