package org.anju.care;

/**
 * How a retiree proved that they are alive and entitled: at the office (现场), on video
 * (视频), or by staff at home (上门).
 */
public enum QualificationMethod {

	IN_PERSON, VIDEO, AT_HOME

}
